package io.pyhermetic.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Conformance vectors generated from the Python reference implementations (see {@code
 * testdata/generator/generate_vectors.py} and the README next to the files).
 */
public final class Vectors {
  // Some vectors hold numbers of thousands of digits (packaging accepts up to 4300).
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNumberLength(100_000).build())
              .build());
  private static final String ROOT = "/io/pyhermetic/testdata/vectors/";

  private Vectors() {}

  /** One case: the oracle command, the oracle's answer, and a documented deviation if any. */
  public record Case(
      String file, int line, JsonNode cmd, JsonNode expect, JsonNode deviation, JsonNode node) {
    public boolean hasDeviation() {
      return deviation != null && !deviation.isNull() && !deviation.isMissingNode();
    }

    @Override
    public String toString() {
      return file + ":" + line + " " + cmd;
    }
  }

  /** All cases of a JSON Lines vector file of the {@code vectors} folder. */
  public static List<Case> load(String fileName) {
    return loadResource(ROOT + fileName);
  }

  /** All cases of a JSON Lines file at a classpath resource path. */
  public static List<Case> loadResource(String resource) {
    String fileName = resource;
    List<Case> cases = new ArrayList<>();
    try (InputStream in = openResource(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JSON.readTree(line);
        cases.add(
            new Case(
                fileName,
                number,
                node.get("cmd"),
                node.get("expect"),
                node.get("deviation"),
                node));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** A JSON document from the vector folder. */
  public static JsonNode loadJson(String fileName) {
    try (InputStream in = open(fileName)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String fileName) {
    return openResource(ROOT + fileName);
  }

  private static InputStream openResource(String resource) {
    InputStream in = Vectors.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("no resource " + resource);
    }
    return in;
  }
}
