/**
 * Locking: per-target, hash-pinned requirement sets resolved from a project's declared dependencies
 * without building or emulating anything ({@link io.pyhermetic.lock.Locker}), and their rendering
 * as requirements files ({@link io.pyhermetic.lock.LockFiles}).
 */
package io.pyhermetic.lock;
