package io.pyhermetic.reqfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

  @TempDir Path temp;

  @Test
  void textWithAWideByteOrderMarkIsNotBinary() {
    assertThat(TextFiles.isBinary(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})).isFalse();
    assertThat(TextFiles.isBinary(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'})).isFalse();
    assertThat(TextFiles.isBinary("foo==1\n".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(TextFiles.isBinary(new byte[] {'f', 0, 'o'})).isTrue();
  }

  @Test
  void eachKindOfUnreadableFileIsNamed() throws IOException {
    Path text = Files.writeString(temp.resolve("r.txt"), "foo==1\n");
    Path binary = Files.write(temp.resolve("b.txt"), new byte[] {'a', 0});
    assertThat(TextFiles.unreadable(text)).isEmpty();
    assertThat(TextFiles.unreadable(binary)).contains("not a text file (it holds binary data)");
    assertThat(TextFiles.unreadable(temp)).contains("a directory, not a file");
    assertThat(TextFiles.unreadable(temp.resolve("missing"))).contains("no such file");
  }
}
