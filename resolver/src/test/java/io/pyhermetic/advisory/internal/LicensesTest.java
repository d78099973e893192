package io.pyhermetic.advisory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.advisory.License;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicensesTest {
  /** expression; license; classifiers split by |; the value; whether SPDX ("-": none). */
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "MIT OR Apache-2.0; BSD; ; MIT OR Apache-2.0; true",
        "; Apache 2.0; ; Apache-2.0; true",
        "; 'Copyright (c) 2010 Someone\nAll rights reserved'; ; 'Copyright (c) 2010 Someone\nAll"
            + " rights reserved'; false",
        "; UNKNOWN; License :: OSI Approved :: MIT License; MIT; true",
        "; ; License :: OSI Approved :: MIT License|License :: OSI Approved :: Apache Software"
            + " License; MIT OR Apache-2.0; true",
        "; ; License :: Other/Proprietary License; Other/Proprietary License; false",
        "; ; Programming Language :: Python; -; false",
      })
  void fromMetadata(
      String expression, String license, String classifiers, String value, boolean spdx) {
    List<String> trove = classifiers == null ? List.of() : Arrays.asList(classifiers.split("\\|"));
    Optional<License> got =
        Licenses.of(Optional.ofNullable(expression), Optional.ofNullable(license), trove);
    if (value.equals("-")) {
      assertThat(got).isEmpty();
    } else {
      assertThat(got).contains(new License(value, spdx));
    }
  }
}
