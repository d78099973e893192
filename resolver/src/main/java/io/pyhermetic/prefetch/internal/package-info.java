/** Implementation details of {@link io.pyhermetic.prefetch}; not part of the public API. */
package io.pyhermetic.prefetch.internal;
