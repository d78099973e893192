/** The index-backed candidate provider and the metadata prefetching of the lock resolver. */
package io.pyhermetic.lock.internal;
