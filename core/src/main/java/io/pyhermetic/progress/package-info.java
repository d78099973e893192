/**
 * The one listener every long operation of the library tells its progress to, for display: the
 * auditor, the build-dependency resolver, the prefetcher and the planner.
 */
package io.pyhermetic.progress;
