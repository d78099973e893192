package io.pyhermetic.reqfile.internal;

import io.pyhermetic.error.Location;
import io.pyhermetic.reqfile.RequirementsFileException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a requirements file as pip 25 and later do: a byte-order mark wins (checked in the
 * corrected order, so UTF-32-LE is not mistaken for UTF-16-LE), then a PEP 263 coding line among
 * the first two lines, then UTF-8. Bytes that do not decode are an error with their location (pip
 * would fall back to the locale's encoding, which makes results depend on the machine).
 */
public final class TextDecoder {
  private static final byte[][] BOMS = {
    {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    {0, 0, (byte) 0xFE, (byte) 0xFF},
    {(byte) 0xFF, (byte) 0xFE, 0, 0},
    {(byte) 0xFE, (byte) 0xFF},
    {(byte) 0xFF, (byte) 0xFE},
  };
  private static final Charset[] BOM_CHARSETS = {
    StandardCharsets.UTF_8,
    Charset.forName("UTF-32BE"),
    Charset.forName("UTF-32LE"),
    StandardCharsets.UTF_16BE,
    StandardCharsets.UTF_16LE,
  };
  private static final Pattern CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");

  private TextDecoder() {}

  /**
   * Decodes a requirements file's bytes.
   *
   * @param bytes the bytes
   * @param source the source
   * @return the decoded text
   */
  public static DecodedText decode(byte[] bytes, String source) {
    for (int i = 0; i < BOMS.length; i++) {
      byte[] bom = BOMS[i];
      if (startsWith(bytes, bom)) {
        return new DecodedText(
            strictDecode(bytes, bom.length, BOM_CHARSETS[i], source), BOM_CHARSETS[i], bom);
      }
    }
    Charset charset = StandardCharsets.UTF_8;
    String declared = codingDeclaration(bytes);
    if (declared != null) {
      charset = pythonCodec(declared, bytes, source);
    }
    return new DecodedText(strictDecode(bytes, 0, charset, source), charset, new byte[0]);
  }

  /** PEP 263 as pip applies it: the first of two lines that starts with # and names a coding. */
  private static String codingDeclaration(byte[] bytes) {
    int start = 0;
    for (int line = 0; line < 2 && start <= bytes.length; line++) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end > start && bytes[start] == '#') {
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        Matcher m = CODING.matcher(text);
        if (m.find()) {
          return m.group(1);
        }
      }
      start = end + 1;
    }
    return null;
  }

  private static Charset pythonCodec(String name, byte[] bytes, String source) {
    String normalized = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    switch (normalized) {
      case "latin-1":
      case "latin1":
      case "iso-8859-1":
      case "l1":
        return StandardCharsets.ISO_8859_1;
      case "utf-8":
      case "utf8":
      case "utf-8-sig":
        return StandardCharsets.UTF_8;
      case "ascii":
      case "us-ascii":
        return StandardCharsets.US_ASCII;
      default:
        try {
          return Charset.forName(normalized);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new RequirementsFileException(
              source, new Location(source, 1, 1), "unknown encoding: " + name);
        }
    }
  }

  private static String strictDecode(byte[] bytes, int offset, Charset charset, String source) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      // The JDK's lenient decoder is fast; only text with a replacement character needs the
      // strict one, which either finds the bad byte or confirms the character was real.
      String fast = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
      if (fast.indexOf('\uFFFD') < 0) {
        return fast;
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (bytes.length * 1.1) + 16));
    while (true) {
      java.nio.charset.CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        result = decoder.flush(out);
      }
      if (result.isUnderflow()) {
        out.flip();
        return out.toString();
      }
      if (result.isOverflow()) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        out.flip();
        bigger.put(out);
        out = bigger;
        continue;
      }
      // Malformed or unmappable: locate it by the text decoded so far.
      out.flip();
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = before.codePointCount(lineStart, before.length()) + 1;
      int bad = in.position();
      throw new RequirementsFileException(
          source,
          new Location(source, line, column),
          "cannot decode the file as "
              + charset.name()
              + ": invalid byte 0x"
              + String.format("%02x", bytes[bad] & 0xff)
              + " (declare the encoding with a '# -*- coding: ... -*-' first line, or save as UTF-8)");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * Encodes text back with the charset and byte-order mark it was read with.
   *
   * @param decoded the decoded
   * @param text the text
   * @return the bytes
   */
  public static byte[] encode(DecodedText decoded, String text) {
    byte[] body = text.getBytes(decoded.charset());
    byte[] out = Arrays.copyOf(decoded.bom(), decoded.bom().length + body.length);
    System.arraycopy(body, 0, out, decoded.bom().length, body.length);
    return out;
  }
}
