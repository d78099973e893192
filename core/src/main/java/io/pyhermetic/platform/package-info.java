/**
 * Distribution file names and wheel compatibility: {@link
 * io.pyhermetic.platform.DistributionFilename}, {@link io.pyhermetic.platform.WheelTag} and the
 * {@link io.pyhermetic.platform.Target} a build runs on, with its ordered list of supported tags as
 * packaging computes it.
 */
package io.pyhermetic.platform;
