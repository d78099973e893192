/**
 * Container builds as data: {@link io.pyhermetic.container.Command}s (argv lists, never shell
 * strings), the {@link io.pyhermetic.container.PodmanPlan} of a hermetic multi-architecture build
 * under emulation, and the {@link io.pyhermetic.container.FarmPlan} that hands the builds to {@code
 * podman farm build} instead. Running them is the command line's job.
 */
package io.pyhermetic.container;
