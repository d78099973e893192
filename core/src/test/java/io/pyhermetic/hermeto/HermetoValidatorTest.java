package io.pyhermetic.hermeto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HermetoValidatorTest {

  @TempDir Path source;

  @BeforeEach
  void project() throws IOException {
    Files.writeString(source.resolve("requirements.txt"), "foo==1\n");
    Files.writeString(source.resolve("requirements-build.txt"), "bar==2\n");
    Files.createDirectories(source.resolve("sub"));
  }

  /** Hermeto's own messages and locations (spec/hermeto.md §1.7), one violation each. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"pip\",\"path\":\"/abs\"} | packages -> 0 -> pip -> path | Value error, path must be relative: /abs",
        "{\"type\":\"pip\",\"path\":\"../x\"} | packages -> 0 -> pip -> path | Value error, path contains ..: ../x",
        "{\"type\":\"pip\",\"path\":\"nosuch\"} | packages | Value error, package path does not exist (or is not a directory): nosuch",
        "{\"type\":\"pip\",\"requirements_files\":null} | packages -> 0 -> pip -> requirements_files | Value error, none is not an allowed value",
        "{\"type\":\"pip\",\"requirements_files\":\"r.txt\"} | packages -> 0 -> pip -> requirements_files | Input should be a valid list",
        "{\"type\":\"pip\",\"requirements_files\":[\"/abs/r.txt\"]} | packages -> 0 -> pip -> requirements_files | Value error, path must be relative: /abs/r.txt",
        "{\"type\":\"pip\",\"requirements_build_files\":[\"../r.txt\"]} | packages -> 0 -> pip -> requirements_build_files | Value error, path contains ..: ../r.txt",
        "{\"type\":\"pip\",\"binary\":{\"py_version\":\"3.12\"}} | packages -> 0 -> pip -> binary -> py_version | Input should be a valid integer, unable to parse string as an integer",
        "{\"type\":\"pip\",\"binary\":{\"py_version\":3.12}} | packages -> 0 -> pip -> binary -> py_version | Input should be a valid integer, got a number with a fractional part",
        "{\"type\":\"pip\",\"binary\":{\"py_version\":[311,312]}} | packages -> 0 -> pip -> binary -> py_version | Input should be a valid integer",
        "{\"type\":\"pip\",\"binary\":{\"arch\":[\"x86_64\"]}} | packages -> 0 -> pip -> binary -> arch | Value error, Binary filter must be a string, got list",
        "{\"type\":\"pip\",\"binary\":{\"arch\":\" , \"}} | packages -> 0 -> pip -> binary -> arch | Value error, Binary filter cannot contain only empty values",
        "{\"type\":\"pip\",\"binary\":{\"platform\":\"*\"}} | packages -> 0 -> pip -> binary -> platform | Value error, Invalid platform regex: *",
        "{\"type\":\"pip\",\"binary\":{\"platform\":\"x\",\"arch\":\"aarch64\"}} | packages -> 0 -> pip -> binary | Value error, Use either 'platform' (regex pattern) or 'os' with 'arch', but not both.",
        "{\"type\":\"pip\",\"binary\":{\"platform\":123}} | packages -> 0 -> pip -> binary -> platform | Input should be a valid string",
        "{\"type\":\"pip\",\"binary\":{\"foo\":\"bar\"}} | packages -> 0 -> pip -> binary -> foo | Extra inputs are not permitted",
        "{\"type\":\"pip\",\"binary\":\"yes\"} | packages -> 0 -> pip -> binary | Input should be a valid dictionary or instance of PipBinaryFilters",
        "{\"type\":\"pip\",\"unknown\":1} | packages -> 0 -> pip -> unknown | Extra inputs are not permitted",
        "[] | packages | Value error, at least one package must be defined, got an empty list",
        "{\"packages\":[{\"type\":\"pip\"}],\"extra\":1} | extra | Extra inputs are not permitted",
        "{\"type\":\"PIP\"} | packages -> 0 | Requested backend type 'PIP' doesn't match expected ones: 'bundler', 'cargo', 'generic', 'gomod', 'npm', 'pip', 'pnpm', 'rpm', 'x-maven', 'yarn'",
        "{\"path\":\".\"} | packages -> 0 | Unable to extract tag using discriminator 'type'",
        "{\"packages\":[{\"type\":\"pip\"}],\"flags\":[\"nope\"]} | flags -> 0 | Input should be 'cgo-disable', 'dev-package-managers', 'force-gomod-tidy', 'gomod-vendor' or 'gomod-vendor-check'",
        "{\"type\":\"pip\",\"requirements_files\":[\"missing.txt\"]} | packages -> 0 -> pip -> requirements_files | Required files not found: ",
      })
  void reportsHermetosMessagesAtHermetosLocations(String json, String location, String message) {
    HermetoValidator.Result result = HermetoValidator.validate(json, source);
    assertThat(result.isOk()).isFalse();
    assertThat(result.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.location()).isEqualTo(location);
              assertThat(v.message()).startsWith(message);
            });
    assertThat(result.input()).isEmpty();
  }

  @Test
  void acceptsTheSeedConfigAndTheDocumentedForms() {
    for (String json :
        new String[] {
          "{\"type\": \"pip\", \"path\": \".\", \"requirements_files\": [\"requirements.txt\"], \"requirements_build_files\": [\"requirements-build.txt\"], \"binary\": {\"packages\": \":all:\", \"arch\": \"x86_64\", \"py_version\": 312}}",
          "\"pip\"",
          "{\"type\": \"pip\", \"binary\": {}}",
          "{\"type\": \"pip\", \"binary\": {\"os\": \"linux\", \"arch\": \"x86_64,aarch64\", \"py_version\": 312, \"py_impl\": \"cp,pp\"}}",
          "{\"type\": \"pip\", \"binary\": {\"packages\": \"numpy,pandas\", \"platform\": \"^(any|musllinux.*)$\"}}",
          "{\"packages\": [{\"type\": \"pip\", \"path\": \"sub\", \"requirements_files\": []}, {\"type\": \"rpm\"}], \"flags\": [\"cgo-disable\"]}",
          "[{\"type\": \"pip\"}, {\"type\": \"pip\"}]",
        }) {
      HermetoValidator.Result result = HermetoValidator.validate(json, source);
      assertThat(result.violations()).as(json).isEmpty();
      assertThat(result.input()).as(json).isPresent();
    }
  }

  @Test
  void reportsEveryViolationAtOnce() {
    HermetoValidator.Result result =
        HermetoValidator.validate(
            "{\"type\":\"pip\",\"path\":\"/abs\",\"requirements_files\":\"x\",\"binary\":{\"py_version\":\"3.12\",\"arch\":[]}}",
            source);
    assertThat(result.violations()).hasSize(4);
    assertThat(result.report())
        .startsWith(
            "4 validation errors for user input\npackages -> 0 -> pip -> path\n  Value error, path must be relative: /abs");
  }

  @Test
  void readsBackWhatItWrites() {
    HermetoInput input =
        HermetoInput.of(
            PipInput.root()
                .withRequirementsFiles(java.util.List.of("requirements.txt"))
                .withRequirementsBuildFiles(java.util.List.of("requirements-build.txt"))
                .withBinary(PipBinaryFilters.defaults().withArch("aarch64").withPyVersion(312)));
    HermetoValidator.Result result = HermetoValidator.validate(input.toJson(), source);
    assertThat(result.input()).contains(input);
  }
}
