package io.pyhermetic.prefetch.internal;

import io.pyhermetic.files.ProcessStamp;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output built in a hidden sibling directory and renamed into place at the end, so that the
 * output is either the previous one or the complete new one, never something in between.
 *
 * <p>The hidden siblings ({@code .NAME.PURPOSE-PID-START-N}, and {@code .NAME.old-...} for the
 * previous output while it is replaced) are named after the process that made them: its id and
 * start time. A process killed before it could clean up leaves them behind; the next {@link #stage}
 * of the same output deletes those whose process is gone, and puts a previous output set aside back
 * in place when the killed process never got to move the new one in. Siblings of a live process are
 * never touched, so two runs writing beside each other do not interfere.
 */
public final class OutputDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);

  // PURPOSE-PID-START- as stage() and commit() write it, then createTempDirectory's digits
  private static final Pattern OWNED = Pattern.compile("([a-z]+)-(\\d+)-(\\d+)-\\d*");

  // a staging directory of a version that did not name its owner: left alone until this old
  private static final Duration UNOWNED_AGE = Duration.ofHours(1);

  private OutputDirectory() {}

  /**
   * Whether {@code dir} exists and holds something.
   *
   * @param dir the path
   * @return whether it is a directory with at least one entry
   * @throws IOException when it cannot be listed
   */
  public static boolean isNonEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  /**
   * A new hidden directory next to {@code output} (created with its parents).
   *
   * @param output the output directory
   * @return the staging directory, for the prefetch
   * @throws IOException when it cannot be created
   */
  public static Path stage(Path output) throws IOException {
    return stage(output, "prefetch");
  }

  /**
   * A new hidden directory next to {@code output}, named after {@code purpose} and this process,
   * once what killed runs left beside {@code output} is cleaned up.
   *
   * @param output the output directory
   * @param purpose a lower-case word naming what is staged
   * @return the staging directory
   * @throws IOException when it cannot be created
   */
  public static Path stage(Path output, String purpose) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = Files.createDirectories(absolute.getParent());
    cleanAbandoned(absolute);
    return Files.createTempDirectory(parent, hiddenPrefix(absolute, purpose));
  }

  private static String hiddenPrefix(Path absolute, String purpose) {
    return "." + absolute.getFileName() + "." + purpose + "-" + ProcessStamp.current() + "-";
  }

  /**
   * Deletes the hidden siblings of {@code output} whose process is gone; a previous output set
   * aside by such a process comes back in place when {@code output} is missing.
   *
   * @param output the output directory
   * @throws IOException when a sibling cannot be deleted or moved back
   */
  public static void cleanAbandoned(Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    String prefix = "." + absolute.getFileName() + ".";
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    List<Path> abandoned = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
      for (Path sibling : siblings) {
        String name = sibling.getFileName().toString();
        if (name.startsWith(prefix)
            && Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS)
            && isAbandoned(sibling, name.substring(prefix.length()))) {
          abandoned.add(sibling);
        }
      }
    }
    abandoned.sort(null);
    for (Path sibling : abandoned) {
      String rest = sibling.getFileName().toString().substring(prefix.length());
      if (rest.startsWith("old-") && !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        LOG.debug("restoring the previous {} a killed run set aside", absolute);
        move(sibling, absolute);
      } else {
        LOG.debug("deleting {}, left by a killed run", sibling);
        deleteTree(sibling);
      }
    }
  }

  private static boolean isAbandoned(Path sibling, String rest) throws IOException {
    Matcher owned = OWNED.matcher(rest);
    if (!owned.matches()) {
      // an older version's staging directory, which does not name its process
      return !rest.startsWith("old-")
          && rest.matches("[a-z]+-\\d+")
          && Files.getLastModifiedTime(sibling, LinkOption.NOFOLLOW_LINKS)
              .toInstant()
              .isBefore(Instant.now().minus(UNOWNED_AGE));
    }
    return new ProcessStamp(Long.parseLong(owned.group(2)), Long.parseLong(owned.group(3)))
        .isGone();
  }

  /**
   * Renames {@code staging} to {@code output}. An existing {@code output} is first renamed aside
   * and deleted only once the new one is in place; if that fails it is put back.
   *
   * @param staging the complete new output
   * @param output where it goes
   * @throws IOException when a rename fails (the previous output is then in place)
   */
  public static void commit(Path staging, Path output) throws IOException {
    Path absolute = output.toAbsolutePath().normalize();
    if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      move(staging, absolute);
      return;
    }
    Path aside = Files.createTempDirectory(absolute.getParent(), hiddenPrefix(absolute, "old"));
    Files.delete(aside);
    move(absolute, aside);
    try {
      move(staging, absolute);
    } catch (IOException e) {
      move(aside, absolute);
      throw e;
    }
    deleteTree(aside);
  }

  /**
   * Deletes a directory tree, or does nothing when it is absent.
   *
   * @param dir the directory
   * @throws IOException when something in it cannot be deleted
   */
  public static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      PathUtils.deleteDirectory(dir); // links inside are deleted, never followed
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
