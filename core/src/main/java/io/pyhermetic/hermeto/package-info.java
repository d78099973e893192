/**
 * Hermeto's rules for pip requirements files: {@link io.pyhermetic.hermeto.HermetoRules} reports
 * what Hermeto's pip backend would reject or handle otherwise than pip, by {@link
 * io.pyhermetic.hermeto.Rule}.
 */
package io.pyhermetic.hermeto;
