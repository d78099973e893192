/** Implementation of the build-dependency resolver: index memoisation and backtracking. */
package io.pyhermetic.builddeps.internal;
