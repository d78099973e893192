/** TOML reading and validation behind {@link io.pyhermetic.lockfile}; not part of the API. */
package io.pyhermetic.lockfile.internal;
