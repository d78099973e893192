package io.pyhermetic.error;

import io.pyhermetic.text.Redaction;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * What went wrong, in plain words for a message a user reads: never a Java exception's class name
 * ({@code java.nio.file.NoSuchFileException: /x} reads {@code no such file or directory: /x}).
 * Credentials in the text are redacted.
 */
public final class Failures {

  // qualified names of the JDK's and the libraries' classes, any qualified name ending in
  // Exception or Error, and a bare one ending in Exception (Python's "ValueError" in a message
  // stays), each with the ": " a toString() puts after it
  private static final Pattern CLASS_NAMES =
      Pattern.compile(
          "(?:\\b(?:java|javax|jdk|sun|com\\.sun|org\\.apache|com\\.fasterxml|io\\.pyhermetic)"
              + "(?:\\.[a-z_$][\\w$]*)*\\.[A-Z][\\w$]*"
              + "|\\b(?:[A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b"
              + "|\\b[A-Z][\\w$]*Exception\\b)"
              + "(?::\\s*)?");

  private Failures() {}

  /**
   * {@code error} (or the failure it wraps) in plain words.
   *
   * @param error the failure
   * @return a message without class names
   */
  public static String describe(Throwable error) {
    return Redaction.redact(plain(unwrap(error)));
  }

  /**
   * {@code text} without the class names an exception's {@code toString()} leaves in it, for
   * messages built elsewhere: {@code "cannot read x: java.io.IOException: disk full"} reads {@code
   * "cannot read x: disk full"}.
   *
   * @param text the message
   * @return the message without class names
   */
  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = CLASS_NAMES.matcher(text).replaceAll("");
    // a removed name may leave "a: : b" or "a: " behind
    out = out.replaceAll(": *:", ":").replaceAll("\\( *\\)", "");
    out = out.strip();
    while (out.endsWith(":")) {
      out = out.substring(0, out.length() - 1).strip();
    }
    return out;
  }

  /** The failure a wrapper carries, when the wrapper says nothing of its own. */
  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e.getCause() != null
        && e.getCause() != e
        && (e instanceof CompletionException
            || e instanceof ExecutionException
            || e instanceof InvocationTargetException
            || e instanceof UncheckedIOException
            || e.getMessage() == null
            || e.getMessage().equals(e.getCause().toString()))) {
      if (e instanceof UncheckedIOException
          && e.getMessage() != null
          && !e.getMessage().equals(e.getCause().toString())) {
        break; // a message of its own, such as "cannot write x: ..."
      }
      e = e.getCause();
    }
    return e;
  }

  private static String plain(Throwable e) {
    String message = e.getMessage() == null ? "" : scrub(e.getMessage());
    if (e instanceof NoSuchFileException f) {
      return "no such file or directory: " + file(f);
    }
    if (e instanceof AccessDeniedException f) {
      return "permission denied: " + file(f);
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "already exists: " + file(f);
    }
    if (e instanceof DirectoryNotEmptyException f) {
      return "directory not empty: " + file(f);
    }
    if (e instanceof NotDirectoryException f) {
      return "not a directory: " + file(f);
    }
    if (e instanceof FileSystemLoopException f) {
      return "a loop of symbolic links: " + file(f);
    }
    if (e instanceof FileSystemException f) {
      // the operating system's reason, such as "Is a directory" or "No space left on device"
      String reason = f.getReason() == null ? "cannot be used" : lowerFirst(f.getReason());
      return f.getFile() == null ? reason : f.getFile() + ": " + reason;
    }
    if (e instanceof InvalidPathException p) {
      return "invalid path: " + p.getInput();
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof ConnectException) {
      String lower = message.toLowerCase(Locale.ROOT);
      return lower.contains("refused")
          ? "connection refused"
          : lower.contains("timed out") ? "the connection timed out" : "cannot connect";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to host";
    }
    if (e instanceof UnknownHostException) {
      return message.isEmpty() ? "unknown host" : "unknown host " + message;
    }
    if (e instanceof InterruptedIOException) {
      // SocketTimeoutException and the HTTP clients' timeouts, whose messages are durations
      return "timed out";
    }
    if (e instanceof SSLHandshakeException) {
      return message.isEmpty()
          ? "the TLS handshake failed"
          : "the TLS handshake failed: " + message;
    }
    if (e instanceof SSLException) {
      return message.isEmpty() ? "TLS failure" : "TLS failure: " + message;
    }
    if (e instanceof SocketException) {
      String lower = message.toLowerCase(Locale.ROOT);
      if (lower.contains("reset")) {
        return "the connection was reset";
      }
      if (lower.contains("broken pipe") || lower.contains("closed")) {
        return "the connection was closed";
      }
      return message.isEmpty() ? "network failure" : "network failure: " + message;
    }
    if (e instanceof EOFException) {
      return message.isEmpty() ? "unexpected end of data" : "unexpected end of data: " + message;
    }
    if (e instanceof ZipException) {
      return message.isEmpty() ? "not a valid zip archive" : "not a valid zip archive: " + message;
    }
    if (e instanceof OutOfMemoryError) {
      return "out of memory";
    }
    if (e instanceof StackOverflowError) {
      return "nested too deeply";
    }
    if (!message.isEmpty()) {
      return message;
    }
    return e instanceof java.io.IOException ? "input or output failed" : "unexpected failure";
  }

  private static String file(FileSystemException f) {
    return f.getFile() == null ? "?" : f.getFile();
  }

  private static String lowerFirst(String s) {
    // "Is a directory" → "is a directory"; an acronym ("EOF") keeps its case
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && Character.isLowerCase(s.charAt(1))) {
      return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
