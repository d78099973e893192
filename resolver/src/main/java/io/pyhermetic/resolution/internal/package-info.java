/**
 * The backtracking dependency solver shared by build-dependency resolution and locking: the search
 * itself, with the index look-ups behind a {@link
 * io.pyhermetic.resolution.internal.Solver.Provider}.
 */
package io.pyhermetic.resolution.internal;
