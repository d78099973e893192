package io.pyhermetic.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileCopyTest {

  @Test
  void isACpLineWithQuotedPaths() {
    assertThat(new FileCopy(Path.of("/plan/hermeto.env"), Path.of("/src/my app/hermeto.env")))
        .extracting(FileCopy::toShellString)
        .isEqualTo("cp /plan/hermeto.env '/src/my app/hermeto.env'");
  }
}
