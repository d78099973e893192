package io.pyhermetic.testdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 691 JSON simple index shaped after the pins of the garak corpus: every pinned release gets
 * files whose sha256 digests are the pinned hashes, with invented file names per kind of package —
 * pure-Python (sdist + {@code py3-none-any}), native (sdist + CPython wheels for several
 * platforms), x86_64-only CUDA wheels without sdist, and the other releases the corpus' workflow
 * found without sdist. No file contents exist; the index only lists them.
 */
public final class CorpusIndex {
  /** The pins the corpus workflow found without an sdist on the index. */
  public static final Set<String> WITHOUT_SDIST =
      Set.of(
          "nemollm",
          "nvdlib",
          "nvidia-cublas-cu12",
          "nvidia-cuda-cupti-cu12",
          "nvidia-cuda-nvrtc-cu12",
          "nvidia-cuda-runtime-cu12",
          "nvidia-cudnn-cu12",
          "nvidia-cufft-cu12",
          "nvidia-cufile-cu12",
          "nvidia-curand-cu12",
          "nvidia-cusolver-cu12",
          "nvidia-cusparse-cu12",
          "nvidia-cusparselt-cu12",
          "nvidia-nccl-cu12",
          "nvidia-nvjitlink-cu12",
          "nvidia-nvshmem-cu12",
          "nvidia-nvtx-cu12",
          "nvidia-riva-client",
          "torch",
          "triton");

  private static final String CORPUS = "/io/pyhermetic/testdata/corpus/garak-2025-12/";
  private static final Pattern PIN =
      Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\\[[^]]*])?==([^\\s;\\\\]+)");
  private static final Pattern HASH = Pattern.compile("--hash=sha256:([0-9a-f]{64})");
  private static final String[] NATIVE_TAGS = {
    "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp312-cp312-manylinux_2_17_aarch64.manylinux2014_aarch64",
    "cp312-cp312-musllinux_1_2_x86_64",
    "cp312-cp312-macosx_11_0_arm64",
    "cp312-cp312-win_amd64",
    "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64",
    "cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp313-cp313-manylinux_2_17_aarch64.manylinux2014_aarch64",
    "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64",
  };
  private static final String[] CUDA_TAGS = {
    "py3-none-manylinux_2_27_x86_64", "py3-none-win_amd64", "py3-none-manylinux_2_17_x86_64"
  };

  private final Map<String, Map<String, List<String>>> hashesByProject;

  private CorpusIndex(Map<String, Map<String, List<String>>> hashesByProject) {
    this.hashesByProject = hashesByProject;
  }

  /** The index for the corpus' {@code requirements-x86_64.txt} and {@code -aarch64.txt}. */
  public static CorpusIndex garak() {
    return of(read("requirements-x86_64.txt"), read("requirements-aarch64.txt"));
  }

  /** The text of a corpus file, such as {@code requirements-x86_64.txt}. */
  public static String read(String corpusFile) {
    try (InputStream in = CorpusIndex.class.getResourceAsStream(CORPUS + corpusFile)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + corpusFile);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index for the pins of these requirements texts (hash-pinned, one option per line). */
  public static CorpusIndex of(String... requirementsTexts) {
    Map<String, Map<String, List<String>>> projects = new LinkedHashMap<>();
    for (String text : requirementsTexts) {
      List<String> current = null;
      for (String line : text.split("\n")) {
        Matcher pin = PIN.matcher(line);
        if (pin.find()) {
          current =
              projects
                  .computeIfAbsent(canonical(pin.group(1)), k -> new LinkedHashMap<>())
                  .computeIfAbsent(pin.group(2), k -> new ArrayList<>());
        }
        if (current != null) {
          Matcher hash = HASH.matcher(line);
          while (hash.find()) {
            if (!current.contains(hash.group(1))) {
              current.add(hash.group(1));
            }
          }
        }
      }
    }
    return new CorpusIndex(projects);
  }

  /** Canonical project names, in the order first pinned. */
  public Set<String> projects() {
    return hashesByProject.keySet();
  }

  /** The number of distinct pinned releases. */
  public int releaseCount() {
    return hashesByProject.values().stream().mapToInt(Map::size).sum();
  }

  /** The PEP 691 JSON project page of {@code project}, or null for an unknown project. */
  public String projectPage(String project, String fileBaseUrl) {
    Map<String, List<String>> releases = hashesByProject.get(canonical(project));
    if (releases == null) {
      return null;
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putObject("meta").put("api-version", "1.1");
    root.put("name", canonical(project));
    ArrayNode versions = root.putArray("versions");
    ArrayNode files = root.putArray("files");
    releases.forEach(
        (version, hashes) -> {
          versions.add(version);
          for (Map.Entry<String, String> file : filenames(project, version, hashes).entrySet()) {
            ObjectNode node = files.addObject();
            node.put("filename", file.getKey());
            node.put("url", fileBaseUrl + file.getKey());
            node.putObject("hashes").put("sha256", file.getValue());
            node.put("requires-python", ">=3.9");
            node.put("size", 1000 + file.getKey().length());
            node.put("upload-time", "2025-12-01T00:00:00.000000Z");
          }
        });
    try {
      return json.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File name → sha256 for one release, invented by kind of package. */
  static Map<String, String> filenames(String project, String version, List<String> hashes) {
    String name = canonical(project);
    String stem = name.replace('-', '_') + "-" + version;
    Map<String, String> files = new LinkedHashMap<>();
    if (WITHOUT_SDIST.contains(name)) {
      boolean cuda = name.startsWith("nvidia-") && !name.equals("nvidia-riva-client");
      boolean pure = name.equals("nemollm") || name.equals("nvdlib") || !cuda && hashes.size() == 1;
      for (int i = 0; i < hashes.size(); i++) {
        String tag =
            pure
                ? "py3-none-any"
                : cuda ? CUDA_TAGS[i % CUDA_TAGS.length] : NATIVE_TAGS[i % NATIVE_TAGS.length];
        files.put(unique(files, stem, tag, i), hashes.get(i));
      }
      return files;
    }
    files.put(stem + ".tar.gz", hashes.get(0));
    for (int i = 1; i < hashes.size(); i++) {
      String tag = hashes.size() <= 2 ? "py3-none-any" : NATIVE_TAGS[(i - 1) % NATIVE_TAGS.length];
      files.put(unique(files, stem, tag, i), hashes.get(i));
    }
    return files;
  }

  /** A wheel name not yet used: a build tag tells apart files that share a tag. */
  private static String unique(Map<String, String> files, String stem, String tag, int i) {
    String plain = stem + "-" + tag + ".whl";
    return files.containsKey(plain) ? stem + "-" + i + "-" + tag + ".whl" : plain;
  }

  private static String canonical(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
