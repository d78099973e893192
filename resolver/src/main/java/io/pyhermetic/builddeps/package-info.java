/**
 * Build dependencies of source distributions, a pybuild-deps replacement: every package that is
 * built from source gets its own build environment (its declared build requirements plus their
 * runtime dependencies, resolved with backtracking for each target), recursively until nothing new
 * appears, and the union is written as {@code requirements-build.txt} in pybuild-deps' layout.
 *
 * <p>Limitations, on purpose: no PEP 517 hook is run, so requirements a backend adds at build time
 * ({@code get_requires_for_build_wheel}: scikit-build-core's cmake/ninja, meson-python's ninja,
 * hatchling's build-hook plugins, setuptools' {@code wheel} in old versions) are not seen unless
 * configured with {@link io.pyhermetic.builddeps.BuildDepsOptions.Builder#extraRequirements}. A
 * {@code setup.py} is read only for a literal {@code setup_requires} list, never executed.
 */
package io.pyhermetic.builddeps;
