package io.pyhermetic.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.index.ReleaseFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCacheTest {
  private static final String TEXT = "Metadata-Version: 2.1\nName: a\nVersion: 1\n";

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
    }
  }

  @Test
  void aFileWithAListedSha256IsKeptUnderItsHash(@TempDir Path root) throws IOException {
    String sha = "ab".repeat(32);
    ReleaseFile file =
        ReleaseFile.builder("a-1-py3-none-any.whl", "https://h.example/a.whl").sha256(sha).build();
    MetadataCache cache = new MetadataCache(root, Credentials.NONE);
    assertThat(cache.read(file, file.url())).isEmpty();
    cache.write(file, file.url(), TEXT);
    assertThat(files(root)).containsExactly("sha256/ab/" + sha + ".metadata");
    // the same file served elsewhere is the same entry
    assertThat(cache.read(file, "https://mirror.example/a.whl")).contains(TEXT);
  }

  @Test
  void withoutAHashTheKeyIsTheUrlAndCredentialHashedNeverInClear(@TempDir Path root)
      throws IOException {
    ReleaseFile file =
        ReleaseFile.builder("a-1-py3-none-any.whl", "https://h.example/a.whl").build();
    MetadataCache cache = new MetadataCache(root, Credentials.NONE);
    cache.write(file, "https://user:s3cret@h.example/a.whl", TEXT);
    List<String> written = files(root);
    assertThat(written)
        .hasSize(1)
        .allMatch(p -> p.matches("url/[0-9a-f]{2}/[0-9a-f]{64}\\.metadata"));
    assertThat(written.get(0)).doesNotContain("s3cret").doesNotContain("h.example");
    assertThat(cache.read(file, "https://user:s3cret@h.example/a.whl")).contains(TEXT);
    // another credential (or none) does not see the entry
    assertThat(cache.read(file, "https://h.example/a.whl")).isEmpty();
    assertThat(cache.read(file, "https://user:other@h.example/a.whl")).isEmpty();
  }

  @Test
  void anUnwritableCacheCostsOnlyTheEntry(@TempDir Path root) throws IOException {
    Path blocked = Files.writeString(root.resolve("file"), "not a directory");
    ReleaseFile file =
        ReleaseFile.builder("a-1-py3-none-any.whl", "https://h.example/a.whl")
            .sha256("cd".repeat(32))
            .build();
    MetadataCache cache = new MetadataCache(blocked, Credentials.NONE);
    cache.write(file, file.url(), TEXT);
    assertThat(cache.read(file, file.url())).isEmpty();
  }
}
