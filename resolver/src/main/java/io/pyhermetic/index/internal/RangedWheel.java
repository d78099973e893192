package io.pyhermetic.index.internal;

import io.pyhermetic.index.IndexException;
import io.pyhermetic.index.ReleaseFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A remote wheel's {@code *.dist-info/METADATA} read with HTTP range requests, as pip's lazy wheel
 * does: the archive's tail (its end-of-central-directory record and usually the whole central
 * directory), the rest of the central directory when it starts earlier, and the member when it is
 * not among the bytes already fetched. A wheel writes its {@code .dist-info} files last, so one
 * request is the common case.
 *
 * <p>A server that answers the first request with 200 sends the whole file, which is then read in
 * memory (and checked against the index's sha256); one whose whole answer exceeds the transport's
 * body limit, that refuses the range (416), does not say the file's size, or serves a Zip64 archive
 * leaves the read {@linkplain Optional#empty() undone}, for the caller to download the file. A
 * damaged or truncated archive fails with an {@link IndexException} naming the file and the URL.
 */
public final class RangedWheel {
  /** Bytes asked for first: the end record (at most 64 KiB with its comment) and what precedes. */
  static final int TAIL_BYTES = 64 * 1024;

  /** The largest central directory read. */
  static final long MAX_DIRECTORY_BYTES = 32L * 1024 * 1024;

  private static final int END_RECORD = 0x06054b50;
  private static final int END_RECORD_SIZE = 22;
  private static final int DIRECTORY_ENTRY = 0x02014b50;
  private static final int DIRECTORY_ENTRY_SIZE = 46;
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int LOCAL_HEADER_SIZE = 30;
  // room for a local header's extra field, which may differ from the central directory's
  private static final int LOCAL_EXTRA_SLACK = 1024;
  // a member this close before the fetched tail is fetched with the gap, in one contiguous range
  private static final long NEAR_BYTES = 256 * 1024;
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

  private final HttpTransport transport;
  private final String subject;
  private final String url;
  private final ReleaseFile file;

  // the fetched bytes: one contiguous stretch of the file ending at its end, grown to the front
  private long start;
  private byte[] bytes = new byte[0];
  private long total;
  // a member's bytes fetched apart, when it lies far before the tail
  private long apartStart = -1;
  private byte[] apart = new byte[0];

  private RangedWheel(HttpTransport transport, String subject, String url, ReleaseFile file) {
    this.transport = transport;
    this.subject = subject;
    this.url = url;
    this.file = file;
  }

  /**
   * The {@code METADATA} text of the wheel {@code file} at {@code url}, or empty when the file has
   * to be downloaded instead (see the class comment).
   *
   * @param transport the transport to ask
   * @param subject what the read is for ({@code name==version}), for messages
   * @param url the wheel's URL
   * @param file the wheel as the index lists it (its size and sha256, when listed)
   * @return the metadata text, or empty when the file must be downloaded
   */
  public static CompletableFuture<Optional<String>> readMetadata(
      HttpTransport transport, String subject, String url, ReleaseFile file) {
    return new RangedWheel(transport, subject, url, file).read();
  }

  /** Thrown for bytes that are not the zip archive they should be. */
  private static final class Damaged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Damaged(String message) {
      super(message, null, false, false);
    }
  }

  private CompletableFuture<Optional<String>> read() {
    CompletableFuture<HttpTransport.Response> first =
        file.size().isPresent()
            ? transport.getRange(
                subject,
                url,
                Map.of(),
                Math.max(0, file.size().getAsLong() - TAIL_BYTES),
                Math.max(0, file.size().getAsLong() - 1))
            : transport.getLast(subject, url, Map.of(), TAIL_BYTES);
    return first
        .handle(
            (response, error) -> {
              if (error != null) {
                if (Futures.cause(error).getCause()
                    instanceof BodyConsumers.BodyTooLargeException) {
                  return CompletableFuture.<Optional<String>>completedFuture(Optional.empty());
                }
                throw Futures.unwrap(error);
              }
              if (response.status() == 416 || !acceptTail(response)) {
                return CompletableFuture.<Optional<String>>completedFuture(Optional.empty());
              }
              return fromDirectory();
            })
        .thenCompose(f -> f)
        .exceptionally(
            error -> {
              if (Futures.cause(error) instanceof Damaged damaged) {
                throw new IndexException(
                    subject,
                    url,
                    "cannot read " + file.filename() + ": " + damaged.getMessage(),
                    -1,
                    null);
              }
              throw Futures.unwrap(error);
            });
  }

  /** Keeps the first answer's bytes; false when the file must be downloaded instead. */
  private boolean acceptTail(HttpTransport.Response response) {
    if (response.status() == 200) {
      String sha256 = Digests.sha256(response.body());
      file.requireListedSha256(sha256, subject, url);
      start = 0;
      bytes = response.body();
      total = bytes.length;
      return true;
    }
    if (response.status() != 206) {
      throw unexpected(response);
    }
    Matcher range = CONTENT_RANGE.matcher(response.header("Content-Range").orElse("").trim());
    if (!range.matches()) {
      return false;
    }
    long from = Long.parseLong(range.group(1));
    long to = Long.parseLong(range.group(2));
    if (range.group(3).equals("*")) {
      if (file.size().isEmpty()) {
        return false;
      }
      total = file.size().getAsLong();
    } else {
      total = Long.parseLong(range.group(3));
    }
    if (to != total - 1 || to - from + 1 != response.body().length) {
      throw new Damaged(
          "the server answered bytes "
              + from
              + "-"
              + to
              + " of "
              + total
              + " with "
              + response.body().length
              + " bytes, not the file's end");
    }
    start = from;
    bytes = response.body();
    return true;
  }

  private IndexException unexpected(HttpTransport.Response response) {
    return new IndexException(
        subject,
        url,
        "HTTP " + response.status() + " for a byte range of " + file.filename(),
        response.status(),
        null);
  }

  /** Makes bytes {@code from} (inclusive) to the file's end present, with one request if needed. */
  private CompletableFuture<Void> fetchFrom(long from) {
    if (from >= start) {
      return CompletableFuture.completedFuture(null);
    }
    return transport
        .getRange(subject, url, Map.of(), from, start - 1)
        .thenAccept(
            response -> {
              if (response.status() == 200 && response.body().length == total) {
                start = 0;
                bytes = response.body();
                return;
              }
              if (response.status() != 206) {
                throw unexpected(response);
              }
              if (response.body().length != start - from) {
                throw new Damaged(
                    "the server answered "
                        + response.body().length
                        + " bytes for a range of "
                        + (start - from));
              }
              byte[] joined = new byte[response.body().length + bytes.length];
              System.arraycopy(response.body(), 0, joined, 0, response.body().length);
              System.arraycopy(bytes, 0, joined, response.body().length, bytes.length);
              start = from;
              bytes = joined;
            });
  }

  /** Fetches bytes {@code from} to {@code to} (inclusive) of a member far from the tail. */
  private CompletableFuture<Void> fetchApart(long from, long to) {
    return transport
        .getRange(subject, url, Map.of(), from, to)
        .thenAccept(
            response -> {
              if (response.status() != 206) {
                throw unexpected(response);
              }
              if (response.body().length != to - from + 1) {
                throw new Damaged(
                    "the server answered "
                        + response.body().length
                        + " bytes for a range of "
                        + (to - from + 1));
              }
              apartStart = from;
              apart = response.body();
            });
  }

  /** Whether bytes {@code position} to {@code position + length} have been fetched. */
  private boolean has(long position, long length) {
    return (position >= start && position + length <= start + bytes.length)
        || (position >= apartStart && position + length <= apartStart + apart.length);
  }

  private ByteBuffer at(long position, long length) {
    if (position >= start && position + length <= start + bytes.length) {
      return ByteBuffer.wrap(bytes, (int) (position - start), (int) length)
          .slice()
          .order(ByteOrder.LITTLE_ENDIAN);
    }
    if (position >= apartStart && position + length <= apartStart + apart.length) {
      return ByteBuffer.wrap(apart, (int) (position - apartStart), (int) length)
          .slice()
          .order(ByteOrder.LITTLE_ENDIAN);
    }
    throw new IllegalStateException("bytes " + position + "+" + length + " not fetched");
  }

  private CompletableFuture<Optional<String>> fromDirectory() {
    long end = endRecord();
    ByteBuffer record = at(end, END_RECORD_SIZE);
    int entries = Short.toUnsignedInt(record.getShort(10));
    long directorySize = Integer.toUnsignedLong(record.getInt(12));
    long directoryOffset = Integer.toUnsignedLong(record.getInt(16));
    if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
      return CompletableFuture.completedFuture(Optional.empty()); // Zip64: read after a download
    }
    if (directoryOffset + directorySize > end) {
      throw new Damaged(
          "its central directory (bytes "
              + directoryOffset
              + " to "
              + (directoryOffset + directorySize)
              + ") lies beyond its end record at "
              + end
              + "; the file is truncated or not a zip archive");
    }
    if (directorySize > MAX_DIRECTORY_BYTES) {
      throw new Damaged("its central directory is larger than " + MAX_DIRECTORY_BYTES + " bytes");
    }
    return fetchFrom(directoryOffset)
        .thenCompose(
            ignored -> {
              Entry entry = findMetadata(directoryOffset, directorySize, entries);
              long guess =
                  LOCAL_HEADER_SIZE
                      + entry.nameLength()
                      + entry.extraLength()
                      + LOCAL_EXTRA_SLACK
                      + entry.compressedSize();
              long local = entry.localOffset();
              CompletableFuture<Void> fetched =
                  start - local <= guess + NEAR_BYTES
                      ? fetchFrom(local)
                      : fetchApart(local, Math.min(local + guess, directoryOffset) - 1);
              return fetched.thenApply(alsoIgnored -> Optional.of(member(entry, directoryOffset)));
            });
  }

  /** The end-of-central-directory record's position: the last signature in the fetched tail. */
  private long endRecord() {
    long lowest = Math.max(start, total - END_RECORD_SIZE - 0xFFFF);
    for (long p = total - END_RECORD_SIZE; p >= lowest; p--) {
      if (at(p, 4).getInt(0) == END_RECORD) {
        return p;
      }
    }
    throw new Damaged(
        "not a zip archive: no end-of-central-directory record in its last "
            + Math.min(total, TAIL_BYTES)
            + " bytes");
  }

  /** A central directory entry. */
  private record Entry(
      String name,
      int method,
      int crc,
      long compressedSize,
      long size,
      int nameLength,
      int extraLength,
      long localOffset) {}

  private Entry findMetadata(long offset, long size, int entries) {
    ByteBuffer directory = at(offset, size);
    int p = 0;
    for (int i = 0; i < entries; i++) {
      if (p + DIRECTORY_ENTRY_SIZE > size || directory.getInt(p) != DIRECTORY_ENTRY) {
        throw new Damaged("its central directory is damaged at entry " + (i + 1));
      }
      int nameLength = Short.toUnsignedInt(directory.getShort(p + 28));
      int extraLength = Short.toUnsignedInt(directory.getShort(p + 30));
      int commentLength = Short.toUnsignedInt(directory.getShort(p + 32));
      int next = p + DIRECTORY_ENTRY_SIZE + nameLength + extraLength + commentLength;
      if (next > size) {
        throw new Damaged("its central directory is damaged at entry " + (i + 1));
      }
      byte[] name = new byte[nameLength];
      directory.get(p + DIRECTORY_ENTRY_SIZE, name);
      String text = new String(name, StandardCharsets.UTF_8);
      if (Archives.isWheelMetadata(text)) {
        return new Entry(
            text,
            Short.toUnsignedInt(directory.getShort(p + 10)),
            directory.getInt(p + 16),
            Integer.toUnsignedLong(directory.getInt(p + 20)),
            Integer.toUnsignedLong(directory.getInt(p + 24)),
            nameLength,
            extraLength,
            Integer.toUnsignedLong(directory.getInt(p + 42)));
      }
      p = next;
    }
    throw new Damaged("it holds no core metadata file (*.dist-info/METADATA)");
  }

  /** The member's text, from its local header and data (all within the fetched bytes). */
  private String member(Entry entry, long directoryOffset) {
    if (entry.size() > Archives.MAX_METADATA_BYTES
        || entry.compressedSize() > Archives.MAX_METADATA_BYTES) {
      throw new Damaged(entry.name() + " is larger than " + Archives.MAX_METADATA_BYTES + " bytes");
    }
    long local = entry.localOffset();
    if (local + LOCAL_HEADER_SIZE > directoryOffset
        || !has(local, LOCAL_HEADER_SIZE)
        || at(local, LOCAL_HEADER_SIZE).getInt(0) != LOCAL_HEADER) {
      throw new Damaged("no local header for " + entry.name() + " at offset " + local);
    }
    ByteBuffer header = at(local, LOCAL_HEADER_SIZE);
    long data =
        local
            + LOCAL_HEADER_SIZE
            + Short.toUnsignedInt(header.getShort(26))
            + Short.toUnsignedInt(header.getShort(28));
    if (data + entry.compressedSize() > directoryOffset) {
      throw new Damaged(entry.name() + "'s data runs into the central directory");
    }
    if (!has(data, entry.compressedSize())) {
      throw new Damaged(entry.name() + "'s local header has an unexpectedly long extra field");
    }
    ByteBuffer compressed = at(data, entry.compressedSize());
    byte[] raw = new byte[(int) entry.compressedSize()];
    compressed.get(0, raw);
    byte[] content =
        switch (entry.method()) {
          case 0 -> raw;
          case 8 -> inflate(raw, entry);
          default ->
              throw new Damaged(
                  entry.name()
                      + " uses compression method "
                      + entry.method()
                      + ", not stored or deflated");
        };
    if (content.length != entry.size()) {
      throw new Damaged(
          entry.name() + " has " + content.length + " bytes, not the " + entry.size() + " listed");
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    if ((int) crc.getValue() != entry.crc()) {
      throw new Damaged(entry.name() + " fails its CRC-32 check");
    }
    return new String(content, StandardCharsets.UTF_8);
  }

  private static byte[] inflate(byte[] raw, Entry entry) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(raw);
      byte[] out = new byte[(int) entry.size()];
      int n = 0;
      while (n < out.length && !inflater.finished()) {
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != out.length || (!inflater.finished() && inflater.inflate(new byte[1]) > 0)) {
        throw new Damaged(
            entry.name() + " does not inflate to the " + out.length + " bytes listed");
      }
      return out;
    } catch (DataFormatException e) {
      throw new Damaged(entry.name() + " is not valid deflate data");
    } finally {
      inflater.end();
    }
  }
}
