package io.pyhermetic.hermeto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pyhermetic.error.PyhermeticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HermetoEnvTest {

  @TempDir Path temp;

  @Test
  void writesWhatTheSeedWorkflowGot() {
    List<HermetoEnv.Variable> vars =
        HermetoEnv.resolve(HermetoEnv.pipVariables(), Path.of("/tmp/hermeto-output"));
    assertThat(HermetoEnv.env(vars))
        .isEqualTo(
            "export PIP_FIND_LINKS=/tmp/hermeto-output/deps/pip\nexport PIP_NO_INDEX=true\n");
    assertThat(HermetoEnv.json(vars))
        .isEqualTo(
            "[{\"name\": \"PIP_FIND_LINKS\", \"value\": \"/tmp/hermeto-output/deps/pip\"}, {\"name\": \"PIP_NO_INDEX\", \"value\": \"true\"}]\n");
  }

  @Test
  void readsAFetchOutputAndQuotesForTheShell() throws IOException {
    Files.writeString(
        temp.resolve(".build-config.json"),
        "{\"environment_variables\": [{\"name\": \"PIP_NO_INDEX\", \"value\": \"true\"},"
            + " {\"name\": \"PIP_FIND_LINKS\", \"value\": \"${output_dir}/deps/pip\"},"
            + " {\"name\": \"CARGO_HOME\", \"value\": \"${output_dir}/.cargo\"}], \"project_files\": []}");
    List<HermetoEnv.Variable> vars =
        HermetoEnv.resolve(HermetoEnv.read(temp), Path.of("/mnt/it's here"));
    assertThat(HermetoEnv.env(vars))
        .isEqualTo(
            "export CARGO_HOME='/mnt/it'\"'\"'s here/.cargo'\n"
                + "export PIP_FIND_LINKS='/mnt/it'\"'\"'s here/deps/pip'\n"
                + "export PIP_NO_INDEX=true\n");
    assertThatThrownBy(() -> HermetoEnv.read(temp.resolve("empty")))
        .isInstanceOf(PyhermeticException.class)
        .hasMessageContaining("No .build-config.json found in")
        .hasMessageContaining("Please use a directory populated by a previous fetch-deps command.");
  }
}
