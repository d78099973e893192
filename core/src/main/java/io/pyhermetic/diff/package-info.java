/**
 * Multi-architecture requirement sets: compare files pinned for several targets ({@link
 * io.pyhermetic.diff.RequirementsDiff}), merge them into one superset ({@link
 * io.pyhermetic.diff.RequirementsMerge}) and split a marker-annotated file per target ({@link
 * io.pyhermetic.diff.RequirementsSplit}).
 */
package io.pyhermetic.diff;
