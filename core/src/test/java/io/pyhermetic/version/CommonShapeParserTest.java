package io.pyhermetic.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonShapeParserTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "1.0",
        "01.002.0003",
        "2024.1.15.3.7",
        "999999999999999999.1",
        "1.0a1",
        "1.0b2",
        "1.0c3",
        "1.0rc4",
        "1.0a000",
        "1.0.post1",
        "1.0.rev2",
        "1.0.r3",
        "1.0-4",
        "1.0rc1.post2.dev3",
        "1.0.dev0",
        "1!2.0",
        "007!1.0a1.dev2",
        "1.0+local",
        "1.0+ubuntu.20.04",
        "1.0+Ubuntu-007_A.00",
        "1.0+0abc.00.0.A0",
        "1.0+a_b-c.d",
        "1.0.dev1+abc.1",
        "v1.0",
        "V1!2.0rc1",
      })
  void acceptsTheCommonShapesAndParsesThemAsTheFullParser(String text) {
    Version common = CommonShapeParser.parse(text);
    assertThat(common).as(text).isNotNull();
    assertSameParts(common, new VersionParser(text).parse(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".1",
        "1.",
        "1..0",
        "1.0.",
        "vv1.0",
        "v",
        "v.1",
        " 1.0",
        "1.0 ",
        "1!",
        "1.0A1",
        "1.0a",
        "1.0alpha1",
        "1.0-a1",
        "1.0rc",
        "1.0r",
        "1.0.post",
        "1.0.posta",
        "1.0post1",
        "1.0.dev",
        "1.0-dev1",
        "1.0.devx",
        "1.0rc1x",
        "1.0+",
        "1.0+a.",
        "1.0+.a",
        "1.0+a..b",
        "1.0+a b",
        "1.0+\u00e9",
        "1.0-",
        "1.0.x",
        "1!1!1",
        "1234567890123456789.0",
        "1.0a1234567890123456789",
        "1.0.post1234567890123456789",
        "1.0.dev1234567890123456789",
      })
  void leavesEverythingElseToTheFullParser(String text) {
    assertThat(CommonShapeParser.parse(text)).as(text).isNull();
  }

  @Test
  void leavesLongLabelsToTheFullParser() {
    String text = "1.0+" + "1".repeat(4301);
    assertThat(CommonShapeParser.parse(text)).isNull();
    assertThat(Version.tryParse(text)).isEmpty();
    assertThat(Version.tryParse("1.0+" + "1".repeat(4300))).isPresent();
  }

  @Test
  void agreesWithTheFullParserOnRandomSpellings() {
    Gen gen = Gen.seeded("common-shape");
    int accepted = 0;
    for (int i = 0; i < 20000; i++) {
      String text = VersionSamples.random(gen);
      Version full = new VersionParser(text).parse();
      for (String spelling : new String[] {text, full.toString()}) {
        Version common = CommonShapeParser.parse(spelling);
        if (common != null) {
          accepted++;
          assertSameParts(common, full, spelling);
        }
      }
      // every normalized form without a leading zero in a large number is a common shape
      assertThat(CommonShapeParser.parse(full.toString())).as(full.toString()).isNotNull();
    }
    assertThat(accepted).isGreaterThan(20000);
  }

  private static void assertSameParts(Version common, Version full, String text) {
    assertThat(full).as(text).isNotNull();
    assertThat(common.toString()).as(text).isEqualTo(full.toString());
    assertThat(common.epoch()).as(text).isEqualTo(full.epoch());
    assertThat(common.release()).as(text).isEqualTo(full.release());
    assertThat(common.pre()).as(text).isEqualTo(full.pre());
    assertThat(common.post()).as(text).isEqualTo(full.post());
    assertThat(common.dev()).as(text).isEqualTo(full.dev());
    assertThat(common.local()).as(text).isEqualTo(full.local());
    assertThat(common.compareTo(full)).as(text).isZero();
    assertThat(common.hashCode()).as(text).isEqualTo(full.hashCode());
    assertThat(common.keyHigh()).as(text).isEqualTo(full.keyHigh());
    assertThat(common.keyLow()).as(text).isEqualTo(full.keyLow());
  }
}
