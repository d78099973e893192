/** Exceptions and source locations shared by every part of pyhermetic. */
package io.pyhermetic.error;
