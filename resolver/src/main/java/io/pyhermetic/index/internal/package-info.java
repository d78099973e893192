/** Implementation details of the index clients (HTTP transport, parsers); not public API. */
package io.pyhermetic.index.internal;
