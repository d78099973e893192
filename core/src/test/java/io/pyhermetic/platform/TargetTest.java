package io.pyhermetic.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {

  @ParameterizedTest
  @CsvSource({
    "x86_64, 2.17, 16, 447",
    "x86_64, 2.28, 27, 744",
    "aarch64, 2.17, 2, 69",
    "aarch64, 2.28, 13, 366",
  })
  void listSizesMatchPackaging(String arch, String glibc, int platforms, int tags) {
    Target target = Target.linux(arch, "3.12").withGlibc(glibc);
    assertThat(target.platforms()).hasSize(platforms);
    assertThat(target.supportedTags()).hasSize(tags);
  }

  @Test
  void ordersTagsAsPackagingDoes() {
    Target target = Target.linux("arm64", "3.12").withGlibc("2.17");
    assertThat(
            target.supportedTags().subList(0, 5).stream()
                .map(Object::toString)
                .collect(Collectors.toList()))
        .containsExactly(
            "cp312-cp312-manylinux_2_17_aarch64",
            "cp312-cp312-manylinux2014_aarch64",
            "cp312-abi3-manylinux_2_17_aarch64",
            "cp312-abi3-manylinux2014_aarch64",
            "cp312-none-manylinux_2_17_aarch64");
    List<String> any =
        target.supportedTags().stream()
            .map(Object::toString)
            .filter(t -> t.endsWith("-any"))
            .collect(Collectors.toList());
    assertThat(any.subList(0, 4))
        .containsExactly("cp312-none-any", "py312-none-any", "py3-none-any", "py311-none-any");
    assertThat(target.platforms())
        .containsExactly("manylinux_2_17_aarch64", "manylinux2014_aarch64");
    assertThat(Target.linux("x86_64", "3.12").withMusl("1.2").platforms())
        .containsExactly("musllinux_1_2_x86_64", "musllinux_1_1_x86_64", "musllinux_1_0_x86_64");
    assertThat(Target.linux("x86_64", "3.12").withPlainLinuxTag(true).platforms())
        .endsWith("linux_x86_64");
  }

  @Test
  void ranksWheelsLikeThePackagingSelector() {
    Target target = Target.linux("x86_64", "3.12");
    List<String> accepted =
        List.of(
            "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl",
            "cryptography-44.0.0-cp37-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            "foo-1.0-cp312-none-any.whl",
            "foo-1.0-py3-none-any.whl",
            "bar-1.0-py2.py3-none-any.whl");
    int previous = -1;
    for (String name : accepted) {
      int rank = target.rank(DistributionFilename.parse(name)).orElseThrow();
      assertThat(rank).as(name).isGreaterThanOrEqualTo(previous);
      previous = rank;
    }
    for (String rejected :
        List.of(
            "x-1.0-cp312-cp312-musllinux_1_1_x86_64.whl",
            "x-1.0-cp312-cp312-manylinux_2_28_aarch64.whl",
            "x-1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
            "x-1.0-cp313-cp313-manylinux_2_17_x86_64.whl",
            "x-1.0-cp312-cp312-manylinux_2_34_x86_64.whl",
            "x-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl",
            "x-1.0-cp312-cp312-linux_x86_64.whl",
            "x-1.0.tar.gz")) {
      assertThat(target.accepts(DistributionFilename.parse(rejected))).as(rejected).isFalse();
    }
  }

  @Test
  void rejectsUnknownTargets() {
    assertThatThrownBy(() -> Target.linux("sparc", "3.12"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Target.linux("x86_64", "2.7"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Target.linux("x86_64", "3.12").withGlibc("2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Target.linux("x86_64", "3.12").withMusl("2.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
