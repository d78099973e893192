/**
 * Access to Python package indexes (the PyPI JSON API, PEP 691/503 simple indexes and local
 * directories): which files exist for a project, with their hashes and yanked state.
 */
package io.pyhermetic.index;
