package io.pyhermetic.advisory.internal;

import io.pyhermetic.advisory.License;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Licences from core metadata, as SPDX where the text or classifier maps to one. */
public final class Licenses {
  private Licenses() {}

  /** Common {@code License} field texts and their SPDX identifiers (keys lower case). */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("mit", "MIT"),
          Map.entry("mit license", "MIT"),
          Map.entry("bsd", "BSD-3-Clause"),
          Map.entry("bsd-3-clause", "BSD-3-Clause"),
          Map.entry("bsd 3-clause", "BSD-3-Clause"),
          Map.entry("new bsd", "BSD-3-Clause"),
          Map.entry("new bsd license", "BSD-3-Clause"),
          Map.entry("bsd-2-clause", "BSD-2-Clause"),
          Map.entry("apache 2.0", "Apache-2.0"),
          Map.entry("apache-2.0", "Apache-2.0"),
          Map.entry("apache 2", "Apache-2.0"),
          Map.entry("apache license 2.0", "Apache-2.0"),
          Map.entry("apache license, version 2.0", "Apache-2.0"),
          Map.entry("apache software license", "Apache-2.0"),
          Map.entry("mpl-2.0", "MPL-2.0"),
          Map.entry("mpl 2.0", "MPL-2.0"),
          Map.entry("isc", "ISC"),
          Map.entry("isc license", "ISC"),
          Map.entry("psf", "PSF-2.0"),
          Map.entry("psf-2.0", "PSF-2.0"),
          Map.entry("python software foundation license", "PSF-2.0"),
          Map.entry("lgpl-2.1", "LGPL-2.1-only"),
          Map.entry("lgpl-3.0", "LGPL-3.0-only"),
          Map.entry("gpl-2.0", "GPL-2.0-only"),
          Map.entry("gpl-3.0", "GPL-3.0-only"),
          Map.entry("unlicense", "Unlicense"),
          Map.entry("0bsd", "0BSD"),
          Map.entry("zlib", "Zlib"));

  /** Trove {@code License ::} classifiers whose licence is one SPDX identifier. */
  private static final Map<String, String> CLASSIFIERS =
      Map.ofEntries(
          Map.entry("License :: OSI Approved :: MIT License", "MIT"),
          Map.entry("License :: OSI Approved :: MIT No Attribution License (MIT-0)", "MIT-0"),
          Map.entry("License :: OSI Approved :: BSD License", "BSD-3-Clause"),
          Map.entry("License :: OSI Approved :: Apache Software License", "Apache-2.0"),
          Map.entry("License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
          Map.entry("License :: OSI Approved :: ISC License (ISCL)", "ISC"),
          Map.entry("License :: OSI Approved :: Python Software Foundation License", "PSF-2.0"),
          Map.entry(
              "License :: OSI Approved :: GNU General Public License v2 (GPLv2)", "GPL-2.0-only"),
          Map.entry(
              "License :: OSI Approved :: GNU General Public License v3 (GPLv3)", "GPL-3.0-only"),
          Map.entry(
              "License :: OSI Approved :: GNU Lesser General Public License v2 (LGPLv2)",
              "LGPL-2.0-only"),
          Map.entry(
              "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)",
              "LGPL-3.0-only"),
          Map.entry("License :: OSI Approved :: The Unlicense (Unlicense)", "Unlicense"),
          Map.entry("License :: OSI Approved :: zlib/libpng License", "Zlib"),
          Map.entry("License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0"));

  /**
   * See {@link License#of}.
   *
   * @param expression the {@code License-Expression} field
   * @param license the {@code License} field
   * @param classifiers the {@code Classifier} fields
   * @return the licence, or empty when none is given
   */
  public static Optional<License> of(
      Optional<String> expression, Optional<String> license, List<String> classifiers) {
    Optional<String> declared = expression.map(String::strip).filter(s -> !s.isEmpty());
    if (declared.isPresent()) {
      return Optional.of(new License(declared.get(), true));
    }
    Optional<String> text =
        license.map(String::strip).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("UNKNOWN"));
    if (text.isPresent()) {
      String spdx = NAMES.get(text.get().toLowerCase(Locale.ROOT));
      return Optional.of(spdx != null ? new License(spdx, true) : new License(text.get(), false));
    }
    List<String> trove =
        classifiers.stream().map(String::strip).filter(c -> c.startsWith("License ::")).toList();
    if (trove.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = trove.stream().map(CLASSIFIERS::get).toList();
    if (ids.stream().allMatch(java.util.Objects::nonNull)) {
      // several licence classifiers: the user may choose (the usual reading of a dual licence)
      return Optional.of(new License(String.join(" OR ", ids.stream().distinct().toList()), true));
    }
    String joined =
        String.join(
            "; ",
            trove.stream()
                .map(c -> c.substring(c.lastIndexOf("::") + 2).strip())
                .distinct()
                .toList());
    return Optional.of(new License(joined, false));
  }
}
