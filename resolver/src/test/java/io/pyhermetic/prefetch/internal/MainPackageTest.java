package io.pyhermetic.prefetch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class MainPackageTest {
  @TempDir Path temp;

  @Test
  void originUrlsAreCanonicalisedAsHermetoDoesWithoutCredentials() {
    assertThat(GitRepository.canonicalOrigin("https://git.example.invalid/org/hermeto.git"))
        .contains("https://git.example.invalid/org/hermeto.git");
    assertThat(GitRepository.canonicalOrigin("https://user:s3cret@git.example.invalid/org/r.git"))
        .contains("https://git.example.invalid/org/r.git");
    assertThat(GitRepository.canonicalOrigin("https://TOKEN@git.example.invalid/org/r"))
        .contains("https://git.example.invalid/org/r");
    assertThat(GitRepository.canonicalOrigin("ssh://git@git.example.invalid/org/r.git"))
        .contains("ssh://git@git.example.invalid/org/r.git");
    assertThat(GitRepository.canonicalOrigin("git@git.example.invalid:org/r.git"))
        .contains("ssh://git@git.example.invalid/org/r.git");
    assertThat(GitRepository.canonicalOrigin("git.example.invalid:/org/r.git"))
        .contains("ssh://git.example.invalid/org/r.git");
    assertThat(GitRepository.canonicalOrigin("/srv/git/r.git")).isEmpty();
    assertThat(GitRepository.canonicalOrigin("../r")).isEmpty();
  }

  @Test
  void aNameFromTheOriginJoinsTheSubpath() {
    Optional<String> origin = Optional.of("https://git.example.invalid/org/hermeto.git");
    assertThat(MainPackage.nameFromOrigin(origin, Optional.empty())).contains("hermeto");
    assertThat(MainPackage.nameFromOrigin(origin, Optional.of("subpath1/subpath2")))
        .contains("hermeto-subpath1-subpath2");
    assertThat(
            MainPackage.nameFromOrigin(
                Optional.of("ssh://git@git.example.invalid/org/My_Repo/"), Optional.of("Sub.Dir")))
        .contains("my-repo-sub-dir");
    assertThat(MainPackage.nameFromOrigin(Optional.empty(), Optional.empty())).isEmpty();
    assertThat(MainPackage.subpath(".")).isEmpty();
    assertThat(MainPackage.subpath("a/./b/")).contains("a/b");
  }

  @Test
  void withoutGitTheNameComesFromTheFilesAndThePurlHasNoVcsUrl() throws Exception {
    Path pkg = Files.createDirectories(temp.resolve("sub/pkg"));
    Files.writeString(pkg.resolve("setup.cfg"), "[metadata]\nname = My_App\nversion = 2.0\n");
    MainPackage main = MainPackage.read(temp, "sub/pkg", Optional.empty());
    assertThat(main.name()).isEqualTo("My_App");
    assertThat(main.version()).contains("2.0");
    assertThat(main.purl()).isEqualTo("pkg:pypi/my-app@2.0#sub/pkg");
  }

  @Test
  void withoutANameAndWithoutGitThePackageIsRejected() {
    assertThatThrownBy(() -> MainPackage.read(temp, ".", Optional.empty()))
        .isInstanceOf(MainPackage.NoNameException.class)
        .hasMessageStartingWith(
            "Unable to infer package name from origin URL for the package at .");
    GitRepository noOrigin = new GitRepository(Optional.empty(), Optional.of("c".repeat(40)));
    assertThatThrownBy(() -> MainPackage.read(temp, ".", Optional.of(noOrigin)))
        .isInstanceOf(MainPackage.NoNameException.class);
  }

  @Test
  void aGitCheckoutGivesTheNameAndTheVcsUrl() throws Exception {
    Assumptions.assumeTrue(gitWorks(), "git is not installed");
    Path repo = Files.createDirectories(temp.resolve("checkout"));
    git(repo, "init", "-q");
    git(repo, "remote", "add", "origin", "https://user:s3cret@git.example.invalid/org/hermeto.git");
    Files.createDirectories(repo.resolve("subpath1/subpath2"));
    Files.writeString(repo.resolve("subpath1/subpath2/README"), "x", StandardCharsets.UTF_8);
    commitAll(repo);
    String head = git(repo, "rev-parse", "HEAD");

    GitRepository found = GitRepository.of(repo.resolve("subpath1")).orElseThrow();
    assertThat(found.origin()).contains("https://git.example.invalid/org/hermeto.git");
    assertThat(found.commit()).contains(head);

    MainPackage root = MainPackage.read(repo, ".", Optional.of(found));
    assertThat(root.name()).isEqualTo("hermeto");
    assertThat(root.version()).isEmpty();
    assertThat(root.purl())
        .isEqualTo(
            "pkg:pypi/hermeto?vcs_url=git%2Bhttps://git.example.invalid/org/hermeto.git%40" + head);
    MainPackage sub = MainPackage.read(repo, "subpath1/subpath2", Optional.of(found));
    assertThat(sub.name()).isEqualTo("hermeto-subpath1-subpath2");
    assertThat(sub.purl()).endsWith("%40" + head + "#subpath1/subpath2").doesNotContain("s3cret");
  }

  @Test
  void aDirectoryOutsideAnyCheckoutIsNoRepository() {
    Assumptions.assumeTrue(gitWorks(), "git is not installed");
    Assumptions.assumeTrue(
        tryGit(temp, "rev-parse", "--show-toplevel").isEmpty(),
        "the temporary directory is in git");
    assertThat(GitRepository.of(temp)).isEmpty();
  }

  public static boolean gitWorks() {
    return tryGit(Path.of("."), "--version").isPresent();
  }

  /** Commits everything in {@code repo} as a throwaway author, without signing. */
  public static void commitAll(Path repo) {
    git(repo, "add", "-A");
    git(
        repo,
        "-c",
        "user.name=Test",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "init");
  }

  public static String git(Path dir, String... args) {
    return tryGit(dir, args)
        .orElseThrow(() -> new AssertionError("git " + String.join(" ", args) + " failed"));
  }

  private static Optional<String> tryGit(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
