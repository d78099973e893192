package io.pyhermetic.lockfile;

/**
 * Where a locked package is installed from: one distribution file ({@link PackageFile}), an archive
 * at a URL or path ({@link PackageArchive}), a version-control checkout ({@link PackageVcs}) or a
 * local directory ({@link PackageDirectory}).
 */
public sealed interface PackageSource
    permits PackageFile, PackageArchive, PackageVcs, PackageDirectory {}
