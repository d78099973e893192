package io.pyhermetic.hermeto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HermetoInputTest {

  @Test
  void writesTheConfigTheSeedWorkflowTypedByHand() {
    HermetoInput x86 =
        HermetoInput.of(
            PipInput.root()
                .withRequirementsFiles(List.of("requirements-x86_64.txt"))
                .withRequirementsBuildFiles(List.of("requirements-build.txt"))
                .withBinary(PipBinaryFilters.defaults().withArch("x86_64").withPyVersion(312)));
    assertThat(x86.toJson())
        .isEqualTo(
            "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\": [\"requirements-x86_64.txt\"],"
                + " \"requirements_build_files\": [\"requirements-build.txt\"], \"binary\": {\"packages\":"
                + " \":all:\", \"arch\": \"x86_64\", \"py_version\": 312}}");
  }

  @Test
  void severalPackagesUseThePackagesForm() {
    HermetoInput input =
        new HermetoInput(
            List.of(
                PipInput.root().withPath("first"),
                PipInput.root().withPath("second").withRequirementsBuildFiles(List.of())),
            List.of("cgo-disable"));
    assertThat(input.toJson())
        .isEqualTo(
            "{\"packages\": [{\"type\": \"pip\", \"path\": \"first\"}, {\"type\": \"pip\", \"path\": \"second\","
                + " \"requirements_build_files\": []}], \"flags\": [\"cgo-disable\"]}");
  }

  @Test
  void normalizesCommaListsAsHermetoStoresThem() {
    assertThat(PipBinaryFilters.defaults().withArch("x86_64 ,,aarch64,x86_64").arch())
        .isEqualTo("x86_64,aarch64");
    assertThatThrownBy(() -> PipBinaryFilters.defaults().withArch(" , "))
        .hasMessage("Binary filter cannot contain only empty values");
    assertThatThrownBy(() -> new HermetoInput(List.of(), List.of()))
        .hasMessageContaining("at least one package must be defined");
  }
}
