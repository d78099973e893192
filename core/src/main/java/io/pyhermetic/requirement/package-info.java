/**
 * PEP 503 project names and PEP 508 dependency specifiers: {@link
 * io.pyhermetic.requirement.ProjectName}, {@link io.pyhermetic.requirement.Requirement}, {@link
 * io.pyhermetic.requirement.Marker} and the {@link io.pyhermetic.requirement.MarkerEnvironment} of
 * a build target.
 */
package io.pyhermetic.requirement;
