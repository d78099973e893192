package io.pyhermetic.diff;

import io.pyhermetic.reqfile.GlobalOptions;
import java.util.ArrayList;
import java.util.List;

/** The option lines that reproduce a file's global options (pip-compile writes the same). */
final class OptionLines {
  private OptionLines() {}

  static List<String> of(GlobalOptions options) {
    List<String> lines = new ArrayList<>();
    if (options.noIndex()) {
      lines.add("--no-index");
    } else if (!options.indexUrls().equals(List.of(GlobalOptions.DEFAULT_INDEX_URL))) {
      List<String> urls = options.indexUrls();
      if (!urls.isEmpty()) {
        lines.add("--index-url " + urls.get(0));
        for (String extra : urls.subList(1, urls.size())) {
          lines.add("--extra-index-url " + extra);
        }
      }
    }
    for (String link : options.findLinks()) {
      lines.add("--find-links " + link);
    }
    for (String host : options.trustedHosts()) {
      lines.add("--trusted-host " + host);
    }
    if (!options.noBinary().isEmpty()) {
      lines.add("--no-binary " + String.join(",", options.noBinary()));
    }
    if (!options.onlyBinary().isEmpty()) {
      lines.add("--only-binary " + String.join(",", options.onlyBinary()));
    }
    if (options.preferBinary()) {
      lines.add("--prefer-binary");
    }
    if (options.pre()) {
      lines.add("--pre");
    }
    return lines;
  }

  /** The options that matter for what a file resolves to, for comparing two files. */
  static String key(GlobalOptions options) {
    return String.join("\n", of(options));
  }
}
