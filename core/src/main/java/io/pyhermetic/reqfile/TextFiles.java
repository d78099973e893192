package io.pyhermetic.reqfile;

import io.pyhermetic.error.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a file given as requirements can be read as text at all, said in the same words by every
 * caller (the command line, the planner and the parser for every included file alike): only a
 * regular, readable file of at most {@link #MAX_BYTES} bytes without binary data is text. Devices
 * ({@code /dev/zero}), named pipes and directories are refused before they are opened, so reading
 * them can neither block nor exhaust memory.
 */
public final class TextFiles {
  /** The largest requirements file read: 128 MiB (real ones are a few hundred KiB). */
  public static final long MAX_BYTES = 128L * 1024 * 1024;

  // as git and grep judge: a NUL byte among the first 8 KiB means binary data
  private static final int SNIFFED = 8192;

  private static final byte[][] WIDE_BOMS = {
    {0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}
  };

  private TextFiles() {}

  /**
   * Why {@code file} cannot be read as a text file, or empty when it can.
   *
   * @param file the file
   * @return why {@code file} cannot be read as a text file, or empty when it can
   */
  public static Optional<String> unreadable(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (Files.isDirectory(file)) {
      return Optional.of("a directory, not a file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.of("not a readable file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.of(tooLarge());
      }
      head = in.readNBytes(SNIFFED);
    } catch (IOException e) {
      return Optional.of(Failures.describe(e));
    }
    if (isBinary(head)) {
      return Optional.of("not a text file (it holds binary data)");
    }
    return Optional.empty();
  }

  /**
   * The bytes of {@code file}, read after {@link #unreadable} found nothing against it; never more
   * than {@link #MAX_BYTES} (a file that grows past the limit while read is refused all the same).
   *
   * @param file the file
   * @return the bytes of {@code file}, read after {@link #unreadable} found nothing against it
   * @throws IOException when it cannot be read, or is too large ({@link #tooLarge()} says so)
   */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(tooLarge());
      }
      return bytes;
    }
  }

  private static String tooLarge() {
    return "too large (the limit for a requirements file is " + (MAX_BYTES >> 20) + " MiB)";
  }

  /**
   * Whether these first bytes of a file are binary data: a NUL without a UTF-16/32 BOM.
   *
   * @param head the head
   * @return whether these first bytes of a file are binary data
   */
  public static boolean isBinary(byte[] head) {
    for (byte[] bom : WIDE_BOMS) {
      if (head.length >= bom.length && Arrays.equals(head, 0, bom.length, bom, 0, bom.length)) {
        return false;
      }
    }
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }
}
