package io.pyhermetic.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.Gen;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class VersionParserTest {

  @Test
  void parsesLongNumbersByHalvesToTheirExactValue() {
    Gen gen = Gen.seeded("version-digits");
    for (int round = 0; round < 200; round++) {
      int length = 1 + gen.nextInt(round < 100 ? 600 : 4300);
      StringBuilder digits = new StringBuilder("x");
      for (int i = 0; i < length; i++) {
        digits.append((char) ('0' + (gen.chance(0.2) ? 0 : gen.nextInt(10))));
      }
      String text = digits.append('y').toString();
      assertThat(VersionParser.digits(text, 1, length + 1))
          .as("%d digits", length)
          .isEqualTo(new BigInteger(text.substring(1, length + 1)));
    }
  }

  @Test
  void keepsLargeNumbersOfVersionsExact() {
    String large = "1" + "0".repeat(999) + "7";
    Version v = Version.parse("1." + large + ".post" + large);
    assertThat(v.release().get(1)).isEqualTo(new BigInteger(large));
    assertThat(v.post()).contains(new BigInteger(large));
    assertThat(v.toString()).isEqualTo("1." + large + ".post" + large);
  }
}
