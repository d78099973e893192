/**
 * Downloads what Hermeto's pip backend would download for a {@code fetch-deps} input, laid out as
 * Hermeto lays it out ({@code deps/pip/<index filename>} and {@code .build-config.json}), with
 * every file's sha256 checked against the index's digest and the pinned hashes. A mismatch is an
 * error here, where Hermeto only warns and drops the file.
 *
 * <p>The output is built in a hidden directory next to it and renamed into place only when every
 * requirement was fetched, so a failed run leaves no partial output. Verified files are kept in a
 * download cache keyed by sha256, so a run after a failure downloads only what is still missing.
 *
 * <p>Limitations, on purpose: URL and VCS requirements (which Hermeto downloads itself and records
 * as rewritten requirements files) are reported as unsupported, and no SBOM ({@code bom.json}) is
 * written.
 */
package io.pyhermetic.prefetch;
