package io.pyhermetic.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, from the resource the build writes. */
final class LibraryVersion {
  private LibraryVersion() {}

  /** The version, or {@code dev} when run from unpackaged classes. */
  static String read() {
    try (InputStream in =
        HttpTransport.class.getResourceAsStream("pyhermetic-version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isEmpty() && !version.startsWith("$")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "dev";
  }
}
