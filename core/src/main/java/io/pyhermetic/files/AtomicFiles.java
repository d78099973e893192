package io.pyhermetic.files;

import io.pyhermetic.error.Failures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a file through a hidden temporary sibling and a rename, so that a reader, or a process
 * killed at any moment, leaves the previous file or the complete new one.
 *
 * <p>The temporary sibling of {@code NAME} is {@code .NAME.PID-START-N.tmp}, named after the
 * process writing it ({@link ProcessStamp}). A writer killed before its rename leaves it behind;
 * the next write of the same file deletes such siblings whose process is gone. Nothing else is
 * touched: not a live writer's sibling, and not a file of another name.
 */
public final class AtomicFiles {
  private static final Pattern OWNED = Pattern.compile("(\\d{1,18})-(\\d{1,18})-\\d+\\.tmp");

  // the sibling of a version that did not name its process (.NAME<digits>.tmp): no writer of one
  // small file is still at work after this long
  private static final Pattern UNOWNED = Pattern.compile("\\d+\\.tmp");
  private static final Duration UNOWNED_AGE = Duration.ofHours(1);

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes}, creating its directory when missing, once the
   * temporary siblings that killed writers left beside it are deleted.
   *
   * @param target the file to replace
   * @param bytes its new content
   * @throws UncheckedIOException naming {@code target}, which is then left as it was
   */
  public static void write(Path target, byte[] bytes) {
    Path absolute = target.toAbsolutePath();
    try {
      deleteAbandoned(absolute);
    } catch (IOException e) {
      // a leftover that cannot be deleted stays hidden; the write itself can still succeed
    }
    replace(target, bytes);
  }

  /**
   * Replaces {@code target} with {@code bytes} as {@link #write} does, without first looking for
   * the leftovers of killed writers: for directories of many entries (caches), where listing the
   * directory on every write would cost more than the leftovers, which nothing reads.
   *
   * @param target the file to replace
   * @param bytes its new content
   * @throws UncheckedIOException naming {@code target}, which is then left as it was
   */
  public static void replace(Path target, byte[] bytes) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temp = null;
    try {
      createDirectories(target, directory);
      temp =
          Files.createTempFile(
              directory, hiddenPrefix(absolute) + "." + ProcessStamp.current() + "-", ".tmp");
      Files.write(temp, bytes);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + Failures.describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is all that is left; the target is untouched
        }
      }
    }
  }

  /** Creates {@code directory}, naming the parent that is a file when that is what stops it. */
  private static void createDirectories(Path target, Path directory) throws IOException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      // createDirectories says only "already exists" or "not a directory" when a parent is a file
      for (Path parent = directory; parent != null; parent = parent.getParent()) {
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
          throw new UncheckedIOException(
              "cannot write " + target + ": " + parent + " is not a directory",
              new NotDirectoryException(parent.toString()));
        }
      }
      throw e;
    }
  }

  /**
   * Deletes the temporary siblings of {@code target} that writers now gone left behind, returning
   * how many.
   *
   * @param target the file whose siblings are looked at
   * @return how many were deleted
   * @throws IOException when the directory cannot be listed or a leftover cannot be deleted
   */
  public static int deleteAbandoned(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return 0;
    }
    String prefix = hiddenPrefix(absolute);
    int deleted = 0;
    // a filter, not a glob: the file's name may hold glob characters
    DirectoryStream.Filter<Path> hidden =
        p -> {
          String name = p.getFileName().toString();
          return name.startsWith(prefix) && name.endsWith(".tmp");
        };
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory, hidden)) {
      for (Path sibling : siblings) {
        if (isAbandoned(sibling, sibling.getFileName().toString().substring(prefix.length()))
            && Files.deleteIfExists(sibling)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static boolean isAbandoned(Path sibling, String rest) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(sibling, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return false; // its writer renamed it into place meanwhile
    }
    if (!attributes.isRegularFile()) {
      return false;
    }
    if (rest.startsWith(".")) {
      Matcher owned = OWNED.matcher(rest.substring(1));
      return owned.matches()
          && new ProcessStamp(Long.parseLong(owned.group(1)), Long.parseLong(owned.group(2)))
              .isGone();
    }
    return UNOWNED.matcher(rest).matches()
        && attributes.lastModifiedTime().toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
  }

  // ".NAME": the temporary sibling adds ".PID-START-N.tmp" (older versions added "N.tmp")
  private static String hiddenPrefix(Path absolute) {
    return "." + absolute.getFileName();
  }
}
