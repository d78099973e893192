package io.pyhermetic.e2e;

import io.pyhermetic.testdata.Distributions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The sample project of the end-to-end build, written byte for byte the same on every run: a local
 * index directory and a project directory with per-architecture requirements and a Containerfile.
 *
 * <p>The index holds
 *
 * <ul>
 *   <li>{@code hermetic-pure 1.0.0}: a pure-Python wheel, for every architecture;
 *   <li>{@code hermetic-native 0.1.0}: only an sdist, with {@code [build-system] requires =
 *       ["setuptools>=61", "wheel"]} and a C extension whose {@code compiled_for()} returns the
 *       machine the compiler targeted;
 *   <li>{@code hermetic-cuda-stub 12.8.0}: a wheel tagged for manylinux x86_64 only, no sdist (as
 *       the CUDA packages are), pinned for x86_64 only;
 *   <li>setuptools and wheel: real wheels copied from a directory (Debian's {@code
 *       /usr/share/python-wheels}).
 * </ul>
 */
final class SampleProject {
  static final String PURE = "hermetic-pure==1.0.0";
  static final String NATIVE = "hermetic-native==0.1.0";
  static final String CUDA_STUB = "hermetic-cuda-stub==12.8.0";

  /** Where {@code pyhermetic plan} writes, inside the project (Hermeto reads its files there). */
  static final String PLAN_DIR = "plan";

  /** The base image every architecture's build starts from, tagged with the machine name. */
  static final String BASE_IMAGE = "localhost/pyhermetic-e2e-base";

  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

  private final Path index;
  private final Path project;
  private final Map<String, Path> buildWheels = new LinkedHashMap<>();

  private SampleProject(Path index, Path project) {
    this.index = index;
    this.project = project;
  }

  /** The index directory (distribution files only). */
  Path index() {
    return index;
  }

  /** The project directory: requirements files and {@code Containerfile.hermeto}. */
  Path project() {
    return project;
  }

  /**
   * Writes the sample under {@code root} ({@code index/} and {@code project/}), taking the newest
   * setuptools and wheel wheels found in {@code wheelDir}.
   */
  static SampleProject write(Path root, Path wheelDir) throws IOException {
    SampleProject sample =
        new SampleProject(
            Files.createDirectories(root.resolve("index")),
            Files.createDirectories(root.resolve("project")));
    sample.writeIndex(wheelDir);
    sample.writeProject();
    return sample;
  }

  private void writeIndex(Path wheelDir) throws IOException {
    for (String name : List.of("setuptools", "wheel")) {
      Path wheel = newestWheel(wheelDir, name);
      buildWheels.put(name, Files.copy(wheel, index.resolve(wheel.getFileName())));
    }
    Map<String, String> pure = new LinkedHashMap<>();
    pure.put(
        "hermetic_pure/__init__.py",
        "def greet():\n    return \"hello from a pure-Python wheel\"\n");
    wheel("hermetic-pure", "1.0.0", "py3-none-any", pure);
    Map<String, String> stub = new LinkedHashMap<>();
    stub.put("hermetic_cuda_stub/__init__.py", "AVAILABLE = True\n");
    wheel("hermetic-cuda-stub", "12.8.0", "py3-none-manylinux2014_x86_64", stub);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "pyproject.toml",
        "[build-system]\n"
            + "requires = [\"setuptools>=61\", \"wheel\"]\n"
            + "build-backend = \"setuptools.build_meta\"\n"
            + "\n"
            + "[project]\n"
            + "name = \"hermetic-native\"\n"
            + "version = \"0.1.0\"\n");
    files.put(
        "setup.py",
        "from setuptools import Extension, setup\n"
            + "\n"
            + "setup(ext_modules=[Extension(\"hermetic_native\", [\"hermetic_native.c\"])])\n");
    files.put("hermetic_native.c", C_SOURCE);
    Distributions.sdist(
        index,
        "hermetic-native",
        "0.1.0",
        Distributions.Format.TAR_GZ,
        Distributions.metadata("hermetic-native", "0.1.0", null, List.of()),
        files);
  }

  private static final String C_SOURCE =
      "#define PY_SSIZE_T_CLEAN\n"
          + "#include <Python.h>\n"
          + "\n"
          + "#if defined(__x86_64__)\n"
          + "#define COMPILED_FOR \"x86_64\"\n"
          + "#elif defined(__aarch64__)\n"
          + "#define COMPILED_FOR \"aarch64\"\n"
          + "#else\n"
          + "#define COMPILED_FOR \"other\"\n"
          + "#endif\n"
          + "\n"
          + "static PyObject *compiled_for(PyObject *self, PyObject *args) {\n"
          + "  return PyUnicode_FromString(COMPILED_FOR);\n"
          + "}\n"
          + "\n"
          + "static PyObject *add(PyObject *self, PyObject *args) {\n"
          + "  long a, b;\n"
          + "  if (!PyArg_ParseTuple(args, \"ll\", &a, &b)) {\n"
          + "    return NULL;\n"
          + "  }\n"
          + "  return PyLong_FromLong(a + b);\n"
          + "}\n"
          + "\n"
          + "static PyMethodDef methods[] = {\n"
          + "  {\"compiled_for\", compiled_for, METH_NOARGS,"
          + " \"The machine this module was compiled for.\"},\n"
          + "  {\"add\", add, METH_VARARGS, \"The sum of two integers.\"},\n"
          + "  {NULL, NULL, 0, NULL}\n"
          + "};\n"
          + "\n"
          + "static struct PyModuleDef module = {\n"
          + "  PyModuleDef_HEAD_INIT, \"hermetic_native\", NULL, -1, methods\n"
          + "};\n"
          + "\n"
          + "PyMODINIT_FUNC PyInit_hermetic_native(void) {\n"
          + "  return PyModule_Create(&module);\n"
          + "}\n";

  private void writeProject() throws IOException {
    String x86 =
        pin(PURE, "hermetic_pure-1.0.0-py3-none-any.whl")
            + pin(NATIVE, "hermetic_native-0.1.0.tar.gz")
            + pin(CUDA_STUB, "hermetic_cuda_stub-12.8.0-py3-none-manylinux2014_x86_64.whl");
    String arm =
        pin(PURE, "hermetic_pure-1.0.0-py3-none-any.whl")
            + pin(NATIVE, "hermetic_native-0.1.0.tar.gz");
    Files.writeString(project.resolve("requirements-x86_64.txt"), x86);
    Files.writeString(project.resolve("requirements-aarch64.txt"), arm);
    Files.writeString(project.resolve("Containerfile.hermeto"), CONTAINERFILE);
    // the project's name for bom.json (Hermeto takes it from the git origin otherwise)
    Files.writeString(
        project.resolve("pyproject.toml"),
        "[project]\nname = \"hermetic-sample\"\nversion = \"0.1.0\"\n");
  }

  private static final String CONTAINERFILE =
      "# The hermetic build: no network, only the prefetched files mounted at"
          + " /tmp/hermeto-output.\n"
          + "# TARGETARCH is the machine name: x86_64 or aarch64.\n"
          + "ARG TARGETARCH=x86_64\n"
          + "FROM "
          + BASE_IMAGE
          + ":${TARGETARCH}\n"
          + "ARG TARGETARCH\n"
          + "COPY requirements-${TARGETARCH}.txt "
          + PLAN_DIR
          + "/requirements-build.txt /app/\n"
          + "RUN set -e; . /tmp/hermeto.env; \\\n"
          + "    python3 -m venv /opt/venv; \\\n"
          + "    /opt/venv/bin/pip install --no-index --find-links \"$PIP_FIND_LINKS\""
          + " --require-hashes -r /app/requirements-build.txt; \\\n"
          + "    /opt/venv/bin/pip install --no-index --find-links \"$PIP_FIND_LINKS\""
          + " --require-hashes -r /app/requirements-${TARGETARCH}.txt\n"
          + "ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n";

  /**
   * The build requirements of the native package pinned with their hashes, as {@code
   * requirements-build.txt} should hold them; without {@code wheel} when {@code withWheel} is false
   * (the mistake the failure-mode build makes).
   */
  String buildRequirements(boolean withWheel) throws IOException {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Path> e : buildWheels.entrySet()) {
      if (withWheel || !e.getKey().equals("wheel")) {
        String version = e.getValue().getFileName().toString().split("-")[1];
        out.append(pin(e.getKey() + "==" + version, e.getValue().getFileName().toString()));
      }
    }
    return out.toString();
  }

  /** The version of setuptools or wheel in the index. */
  String buildVersion(String name) {
    return buildWheels.get(name).getFileName().toString().split("-")[1];
  }

  private String pin(String requirement, String fileName) throws IOException {
    return requirement + " \\\n    --hash=sha256:" + sha256Hex(index.resolve(fileName)) + "\n";
  }

  private static Path newestWheel(Path dir, String name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(name + "-"))
          .filter(f -> f.getFileName().toString().endsWith("-py3-none-any.whl"))
          .max((a, b) -> compareVersions(version(a), version(b)))
          .orElseThrow(() -> new IOException("no " + name + " wheel in " + dir));
    }
  }

  private static String version(Path wheel) {
    return wheel.getFileName().toString().split("-")[1];
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parseOrZero(x[i]) : 0;
      int q = i < y.length ? parseOrZero(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int parseOrZero(String s) {
    return s.matches("\\d+") ? Integer.parseInt(s) : 0;
  }

  /** Writes an installable wheel: the files, METADATA, WHEEL and a RECORD with every digest. */
  Path wheel(String name, String version, String tag, Map<String, String> files) {
    return writeWheel(index, name, version, tag, files);
  }

  static Path writeWheel(
      Path dir, String name, String version, String tag, Map<String, String> files) {
    String stem = name.replace('-', '_') + "-" + version;
    String distInfo = stem + ".dist-info/";
    Map<String, String> entries = new LinkedHashMap<>(files);
    entries.put(distInfo + "METADATA", Distributions.metadata(name, version, null, List.of()));
    entries.put(
        distInfo + "WHEEL",
        "Wheel-Version: 1.0\nGenerator: pyhermetic-e2e\nRoot-Is-Purelib: true\nTag: " + tag + "\n");
    StringBuilder record = new StringBuilder();
    entries.forEach(
        (path, content) -> {
          byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
          record
              .append(path)
              .append(",sha256=")
              .append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(bytes)))
              .append(',')
              .append(bytes.length)
              .append('\n');
        });
    record.append(distInfo).append("RECORD,,\n");
    entries.put(distInfo + "RECORD", record.toString());
    Path file = dir.resolve(stem + "-" + tag + ".whl");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.write(file, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static String sha256Hex(Path file) throws IOException {
    return HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
