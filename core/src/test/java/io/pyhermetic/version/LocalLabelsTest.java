package io.pyhermetic.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.Gen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalLabelsTest {

  @Test
  void partKeysFollowTheLabelOrder() {
    Gen gen = Gen.seeded("local-label-keys");
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      labels.add(randomPart(gen) + (gen.chance(0.5) ? "." + randomPart(gen) : ""));
    }
    labels.add("0");
    labels.add("1".repeat(62));
    labels.add("1".repeat(63));
    labels.add("1".repeat(64));
    for (String a : labels) {
      long a1 = LocalLabels.firstPartKey(a);
      long a2 = LocalLabels.secondPartKey(a, a1);
      assertThat(a1).as(a).isPositive();
      for (String b : labels) {
        long b1 = LocalLabels.firstPartKey(b);
        long b2 = LocalLabels.secondPartKey(b, b1);
        int byKeys = a1 != b1 ? Long.compare(a1, b1) : Long.compare(a2, b2);
        if (byKeys != 0) {
          assertThat(Integer.signum(LocalLabels.compare(a, b)))
              .as("%s vs %s", a, b)
              .isEqualTo(byKeys);
        }
      }
    }
  }

  @Test
  void partKeysHoldShortPartsWhole() {
    assertThat(LocalLabels.firstPartKey("abcdefghi"))
        .isNotEqualTo(LocalLabels.firstPartKey("abcdefghi0"));
    assertThat(LocalLabels.firstPartKey("abcdefghij"))
        .isEqualTo(LocalLabels.firstPartKey("abcdefghijk"));
    assertThat(LocalLabels.firstPartKey("1234567890123"))
        .isLessThan(LocalLabels.firstPartKey("1234567890124"));
    assertThat(LocalLabels.firstPartKey("12345678901234"))
        .isEqualTo(LocalLabels.firstPartKey("12345678901235"));
    assertThat(LocalLabels.firstPartKey("z")).isLessThan(LocalLabels.firstPartKey("0"));
    assertThat(LocalLabels.secondPartKey("abcdefghijk.1", LocalLabels.firstPartKey("abcdefghijk")))
        .isZero();
    assertThat(LocalLabels.secondPartKey("ubuntu", LocalLabels.firstPartKey("ubuntu"))).isZero();
  }

  private static String randomPart(Gen gen) {
    int length = 1 + gen.nextInt(gen.chance(0.8) ? 4 : 16);
    boolean number = gen.chance(0.5);
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (number) {
        part.append((char) ((i == 0 && length > 1 ? '1' : '0') + gen.nextInt(i == 0 ? 9 : 10)));
      } else {
        part.append(gen.pick("a", "b", "z", "0", "9"));
      }
    }
    if (!number && part.chars().allMatch(Character::isDigit)) {
      part.append('x');
    }
    return part.toString();
  }
}
