/**
 * Known vulnerabilities and licences of pinned releases: {@link
 * io.pyhermetic.advisory.AdvisoryLookup} asks PyPI's JSON API (the {@code vulnerabilities} of each
 * release) and OSV ({@code /v1/querybatch}, then {@code /v1/vulns/<id>}), merges the findings of
 * both by their aliases, drops withdrawn ones, applies ignore rules and reports, per release, the
 * findings, the smallest version that fixes them all, and every release a service did not answer.
 */
package io.pyhermetic.advisory;
