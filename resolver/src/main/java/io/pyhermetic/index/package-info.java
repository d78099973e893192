/**
 * Access to Python package indexes (the PyPI JSON API, PEP 691/503 simple indexes and local
 * directories): which files exist for a project, with their hashes and yanked state, release
 * metadata, and downloads.
 *
 * <p>Start with {@link io.pyhermetic.index.Indexes#open}: an {@link
 * io.pyhermetic.index.IndexLocation} (an option, else {@code PIP_INDEX_URL}, {@code UV_INDEX_URL},
 * else PyPI's JSON API) and {@link io.pyhermetic.index.IndexSettings} (limits, the on-disk response
 * cache, offline mode and credentials: URL user-info, then a token, then netrc). The result is a
 * {@link io.pyhermetic.index.CachingIndex}, which answers repeated look-ups of one run from memory;
 * its documentation says what is cached where.
 */
package io.pyhermetic.index;
