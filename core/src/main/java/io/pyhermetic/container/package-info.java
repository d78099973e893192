/**
 * Container builds as data: {@link io.pyhermetic.container.Command}s (argv lists, never shell
 * strings) and the {@link io.pyhermetic.container.PodmanPlan} of a hermetic multi-architecture
 * build. Running them is the command line's job.
 */
package io.pyhermetic.container;
