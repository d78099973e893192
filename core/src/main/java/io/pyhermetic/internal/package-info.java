/** Implementation details shared by the core packages; not part of the public API. */
package io.pyhermetic.internal;
