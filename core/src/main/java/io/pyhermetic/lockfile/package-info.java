/**
 * Lock files as inputs and outputs: PEP 751 {@code pylock.toml} ({@link
 * io.pyhermetic.lockfile.Pylock}, read, validated, written by {@link
 * io.pyhermetic.lockfile.PylockWriter}) and {@code uv.lock} ({@link
 * io.pyhermetic.lockfile.UvLock}), each narrowed to one build target by a {@link
 * io.pyhermetic.lockfile.LockSelection}, which becomes the same model as a requirements file
 * through {@link io.pyhermetic.lockfile.LockRequirements}.
 */
package io.pyhermetic.lockfile;
