/**
 * Downloads what Hermeto's pip backend would download for a {@code fetch-deps} input, laid out as
 * Hermeto lays it out ({@code deps/pip/<index filename>}, {@code .build-config.json} and the
 * CycloneDX SBOM {@code bom.json}), with every file's sha256 checked against the index's digest and
 * the pinned hashes. A mismatch is an error here, where Hermeto only warns and drops the file.
 *
 * <p>The output is built in a hidden directory next to it and renamed into place only when every
 * requirement was fetched, so a failed run leaves no partial output. Verified files are kept in a
 * download cache keyed by sha256, so a run after a failure downloads only what is still missing.
 *
 * <p>{@code bom.json} follows Hermeto's pip SBOM: one component per input package and one per
 * fetched pin, merged by purl and sorted (see {@link io.pyhermetic.prefetch.Prefetcher}). Where it
 * differs: the tool, annotator and {@code hermeto:found_by} name this library; a {@code setup.cfg}
 * version given as {@code file:} or {@code attr:} is not resolved; a git checkout without an {@code
 * origin} remote, with an origin that is a local path, or without commits gives a purl without
 * {@code vcs_url} instead of an error; the origin URL loses any user-info for http(s), not only a
 * {@code user:password}; and the name inferred from the origin drops only a {@code .git} suffix.
 *
 * <p>Limitations, on purpose: URL and VCS requirements (which Hermeto downloads itself and records
 * as rewritten requirements files) are reported as unsupported, so they never reach the SBOM; no
 * proxy {@code externalReferences} are written (no proxy is used); SPDX output is not offered.
 */
package io.pyhermetic.prefetch;
