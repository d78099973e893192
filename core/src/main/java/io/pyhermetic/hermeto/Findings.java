package io.pyhermetic.hermeto;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** What Hermeto's rules found in one file, each message on one line with no credential shown. */
final class Findings {
  private final List<Diagnostic> found = new ArrayList<>();

  void report(Rule rule, Location location, String message) {
    String oneLine = Urls.redact(message).replaceAll("\\R", " ");
    found.add(new Diagnostic(rule.severity(), rule.id(), location, oneLine));
  }

  /** The findings in file order (by line, then column; otherwise in the order found). */
  List<Diagnostic> sorted() {
    List<Diagnostic> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((Diagnostic d) -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return Collections.unmodifiableList(sorted);
  }

  static String q(String text) {
    return "'" + text + "'";
  }
}
