/**
 * Text shown to users or written to files: credentials redacted, control characters escaped for a
 * terminal, JSON strings quoted, plain-text tables aligned.
 */
package io.pyhermetic.text;
