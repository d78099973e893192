/**
 * Multi-architecture requirement sets: compare files pinned for several targets, or one
 * marker-annotated file as each target sees it ({@link io.pyhermetic.diff.RequirementsDiff},
 * rendered by {@link io.pyhermetic.diff.DiffRenderer}), merge them into one superset ({@link
 * io.pyhermetic.diff.RequirementsMerge}) and split a marker-annotated file per target ({@link
 * io.pyhermetic.diff.RequirementsSplit}).
 */
package io.pyhermetic.diff;
