package io.pyhermetic.index.internal;

import java.net.URI;
import java.util.Optional;

/**
 * Where the {@code Authorization} header for a request comes from when its URL carries no
 * user-info. Looked up for every request, redirects included, so each origin gets only its own
 * credentials.
 */
@FunctionalInterface
public interface Credentials {
  /** No credentials for any URL. */
  Credentials NONE = uri -> Optional.empty();

  /** The {@code Authorization} header value for {@code uri} (which has no user-info), if any. */
  Optional<String> authorization(URI uri);
}
