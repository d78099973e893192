/**
 * Reading source distributions without building them: the top directory's {@code pyproject.toml},
 * {@code setup.cfg}, {@code setup.py} and {@code PKG-INFO} are read into memory from {@code
 * .tar.gz}, {@code .tgz}, {@code .tar.bz2}, {@code .tar.xz}, {@code .tar} and {@code .zip} archives
 * (never extracted to disk), after the download's sha256 has been checked against the index digest
 * and any pinned hashes.
 */
package io.pyhermetic.sdist;
