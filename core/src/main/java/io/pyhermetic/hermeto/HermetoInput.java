package io.pyhermetic.hermeto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Hermeto {@code fetch-deps} input for pip packages, written as JSON with a stable key order: a
 * single package alone as one object (the form the seed workflow types), several packages or flags
 * as {@code {"packages": […], "flags": […]}}. Immutable.
 */
public record HermetoInput(List<PipInput> packages, List<String> flags) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Copies the package list, so that the input stays immutable.
   *
   * @param packages the packages
   * @param flags the flags
   */
  public HermetoInput {
    packages = List.copyOf(packages);
    flags = List.copyOf(flags);
    if (packages.isEmpty()) {
      throw new IllegalArgumentException("at least one package must be defined, got an empty list");
    }
  }

  /**
   * The input for these pip packages.
   *
   * @param packages the packages
   * @return the input for these pip packages
   */
  public static HermetoInput of(PipInput... packages) {
    return new HermetoInput(List.of(packages), List.of());
  }

  /**
   * One line, with Python's {@code json.dumps} separators ({@code ", "} and {@code ": "}).
   *
   * @return one line, with Python's {@code json.dumps} separators
   */
  public String toJson() {
    Object root;
    if (packages.size() == 1 && flags.isEmpty()) {
      root = node(packages.get(0));
    } else {
      ObjectNode object = JSON.createObjectNode();
      ArrayNode list = object.putArray("packages");
      packages.forEach(p -> list.add(node(p)));
      ArrayNode flagList = object.putArray("flags");
      flags.forEach(flagList::add);
      root = object;
    }
    DefaultPrettyPrinter oneLine =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
            .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter())
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    try {
      return JSON.writer(oneLine).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void addAll(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static ObjectNode node(PipInput p) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "pip");
    node.put("path", p.path());
    p.requirementsFiles().ifPresent(files -> addAll(node.putArray("requirements_files"), files));
    p.requirementsBuildFiles()
        .ifPresent(files -> addAll(node.putArray("requirements_build_files"), files));
    p.binary()
        .ifPresent(
            b -> {
              ObjectNode binary = node.putObject("binary");
              binary.put("packages", b.packages());
              binary.put("arch", b.arch());
              if (!b.os().equals("linux")) {
                binary.put("os", b.os());
              }
              b.pyVersion().ifPresent(v -> binary.put("py_version", v));
              if (!b.pyImpl().equals("cp")) {
                binary.put("py_impl", b.pyImpl());
              }
              if (!b.abi().equals(PipBinaryFilters.ALL)) {
                binary.put("abi", b.abi());
              }
              b.platform().ifPresent(regex -> binary.put("platform", regex));
            });
    return node;
  }
}
