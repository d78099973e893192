/**
 * What a project's top-level {@code pyproject.toml}, {@code setup.cfg} and {@code setup.py}
 * declare, read from their bytes without running anything: the build requirements of a source
 * distribution ({@link io.pyhermetic.buildsystem.BuildRequirements}) and a project's own name and
 * version ({@link io.pyhermetic.buildsystem.ProjectMetadata}).
 */
package io.pyhermetic.buildsystem;
