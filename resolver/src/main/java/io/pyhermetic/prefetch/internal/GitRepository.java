package io.pyhermetic.prefetch.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The git checkout a source directory belongs to (found as git finds it, searching parent
 * directories), read by running {@code git} without a shell: its {@code origin} URL and its {@code
 * HEAD} commit.
 *
 * @param origin the {@code origin} remote's URL as Hermeto canonicalises it (scp-style {@code
 *     user@host:path} as {@code ssh://user@host/path}), without credentials; empty when there is no
 *     {@code origin} or its URL is neither a URL nor scp-style (a local path, say)
 * @param commit the full hex id of {@code HEAD}, empty in a repository without commits
 */
public record GitRepository(Optional<String> origin, Optional<String> commit) {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(GitRepository.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
  private static final Pattern SCP = Pattern.compile("^[^/]*:.*");

  /**
   * {@code git+<origin>@<commit>}, Hermeto's {@code vcs_url}, when both are known.
   *
   * @return the URL, or empty without origin or commit
   */
  public Optional<String> vcsUrl() {
    return origin.isPresent() && commit.isPresent()
        ? Optional.of("git+" + origin.get() + "@" + commit.get())
        : Optional.empty();
  }

  /**
   * The checkout holding {@code dir}; empty when it is in none, or when {@code git} cannot be run.
   *
   * @param dir a directory
   * @return its checkout
   */
  public static Optional<GitRepository> of(Path dir) {
    Optional<String> top = git(dir, "rev-parse", "--show-toplevel");
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> origin =
        git(dir, "config", "--get", "remote.origin.url").flatMap(GitRepository::canonicalOrigin);
    Optional<String> commit =
        git(dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
            .map(s -> s.toLowerCase(Locale.ROOT))
            .filter(s -> COMMIT.matcher(s).matches());
    return Optional.of(new GitRepository(origin, commit));
  }

  /**
   * The URL Hermeto records for an {@code origin}: a URL as it is, but without credentials (a
   * {@code user:password@}, and for http and https any user-info, which may be a token); an
   * scp-style {@code [user@]host:path} as {@code ssh://[user@]host/path}; anything else (a local
   * path) is not a URL Hermeto accepts.
   */
  static Optional<String> canonicalOrigin(String url) {
    String u = url.strip();
    if (u.isEmpty()) {
      return Optional.empty();
    }
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      int authorityStart = scheme + 3;
      int authorityEnd = authorityStart;
      while (authorityEnd < u.length() && "/?#".indexOf(u.charAt(authorityEnd)) < 0) {
        authorityEnd++;
      }
      String authority = u.substring(authorityStart, authorityEnd);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        String name = u.substring(0, scheme).toLowerCase(Locale.ROOT);
        boolean web = name.equals("http") || name.equals("https");
        if (web || userInfo.contains(":")) {
          authority = authority.substring(at + 1);
        }
      }
      return Optional.of(u.substring(0, authorityStart) + authority + u.substring(authorityEnd));
    }
    if (SCP.matcher(u).matches()) {
      // as Hermeto: split at the first '@', then the first ':' (and any '/' after it) becomes '/'
      int at = u.indexOf('@');
      String user = at >= 0 ? u.substring(0, at) : "";
      String rest = at >= 0 ? u.substring(at + 1) : u;
      int password = user.indexOf(':');
      if (password >= 0) {
        user = user.substring(0, password);
      }
      return Optional.of("ssh://" + (at >= 0 ? user + "@" : "") + rest.replaceFirst(":/*", "/"));
    }
    return Optional.empty();
  }

  /** The trimmed first line of {@code git -C dir args…}'s output, when it exits with 0. */
  private static Optional<String> git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // the environment must not point git at another repository, nor make it prompt
    builder.environment().remove("GIT_DIR");
    builder.environment().remove("GIT_WORK_TREE");
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("LC_ALL", "C");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Path output = null;
    Process process = null;
    try {
      // a file, not a pipe: a git that hangs cannot block the read past the timeout
      output = Files.createTempFile("pyhermetic-git-", ".out");
      builder.redirectOutput(output.toFile());
      process = builder.start();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("git {} in {} did not finish within {} s", args[0], dir, TIMEOUT.toSeconds());
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      String text = Files.readString(output, StandardCharsets.UTF_8).strip();
      int newline = text.indexOf('\n');
      text = newline < 0 ? text : text.substring(0, newline).strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      LOG.debug("cannot run git in {}: {}", dir, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          LOG.debug("cannot delete {}: {}", output, e.getMessage());
        }
      }
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
            ? "NUL"
            : "/dev/null");
  }
}
