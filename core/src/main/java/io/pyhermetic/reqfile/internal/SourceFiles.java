package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Failures;
import io.pyhermetic.error.Location;
import io.pyhermetic.internal.PyText;
import io.pyhermetic.reqfile.RequirementsFileException;
import io.pyhermetic.reqfile.TextFiles;
import io.pyhermetic.reqfile.UnreadableFileException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Opening the files a parse reads (the one given and every one it includes) as pip opens them. */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * The bytes of a requirements file, after the checks the command line makes on the files it is
   * given.
   *
   * @param file the file
   * @param shownAs its name in messages
   * @param includedAt the include line, or null for the file given
   * @return its bytes
   * @throws UnreadableFileException when it cannot be read, in pip's words where pip has them
   */
  public static byte[] read(Path file, String shownAs, Location includedAt) {
    try {
      // the checks the command line makes on the files it is given, for included files too:
      // a device or a pipe is never opened, nothing past the size limit is read; an unreadable
      // regular file is left to the open below, which says so in pip's words
      if (Files.exists(file)
          && !Files.isDirectory(file)
          && (!Files.isRegularFile(file) || Files.isReadable(file))) {
        Optional<String> why = TextFiles.unreadable(file);
        if (why.isPresent()) {
          throw cannotOpen(shownAs, includedAt, PyText.repr(shownAs) + " is " + why.get());
        }
      }
      return TextFiles.read(file);
    } catch (NoSuchFileException e) {
      throw cannotOpen(
          shownAs, includedAt, "[Errno 2] No such file or directory: " + PyText.repr(shownAs));
    } catch (AccessDeniedException e) {
      throw cannotOpen(
          shownAs, includedAt, "[Errno 13] Permission denied: " + PyText.repr(shownAs));
    } catch (IOException | InvalidPathException e) {
      // pip's words where Python has them (open() on a directory), else plain ones
      throw cannotOpen(
          shownAs,
          includedAt,
          Files.isDirectory(file)
              ? "[Errno 21] Is a directory: " + PyText.repr(shownAs)
              : Failures.describe(e));
    }
  }

  private static RequirementsFileException cannotOpen(String shownAs, Location at, String why) {
    Location where = at != null ? at : new Location(shownAs, 1, 1);
    return new UnreadableFileException(shownAs, where, "Could not open requirements file: " + why);
  }

  /**
   * The real path of a file, as include cycles are recognised by.
   *
   * @param path the path
   * @return its real path, or its normalized absolute path when it has none
   */
  public static Path canonical(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException | SecurityException e) {
      return path.toAbsolutePath().normalize();
    }
  }
}
