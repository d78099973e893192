/**
 * The build requirements a source distribution declares, read from the bytes of its {@code
 * pyproject.toml}, {@code setup.cfg} and {@code setup.py} without running anything.
 */
package io.pyhermetic.buildsystem;
