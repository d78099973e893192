package io.pyhermetic.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The small offline sample the README runs {@code pyhermetic plan} on: a directory index of real
 * (tiny) wheels and sdists and the per-architecture requirements files that pin them with hashes.
 * It covers a pure-Python wheel, an x86_64-only wheel without sdist (like the CUDA packages), a
 * native package that exists only as an sdist (built with setuptools and wheel), abi3 wheels for
 * both architectures, and the build backends those need. Byte-identical on every run.
 *
 * <p>{@code java io.pyhermetic.testdata.OfflineSample DIR} writes {@code DIR/index/}, {@code
 * DIR/requirements-<arch>.txt}, and the project around them: {@code pyproject.toml} (Hermeto needs
 * the project's name) and the hermetic {@code Containerfile.hermeto}.
 */
public final class OfflineSample {
  private static final String PYPROJECT = "pyproject.toml";

  /** The hermetic Containerfile, where {@code pyhermetic plan} and {@code build} look for it. */
  public static final String CONTAINERFILE = "Containerfile.hermeto";

  // Hermeto names the package it fetches for from its project files
  private static final String PROJECT =
      "# The project the offline sample's requirements belong to: Hermeto needs its name.\n"
          + "[project]\n"
          + "name = \"pyhermetic-sample\"\n"
          + "version = \"0.1.0\"\n"
          + "requires-python = \">=3.9\"\n";

  private static final String CONTAINERFILE_TEXT =
      "# The hermetic build of the offline sample. pyhermetic build runs it once per architecture\n"
          + "# with --network none, the files Hermeto fetched mounted at /tmp/hermeto-output and\n"
          + "# the env file (PIP_FIND_LINKS, PIP_NO_INDEX) at /tmp/hermeto.env.\n"
          + "# TARGETARCH is the machine name, x86_64 or aarch64, as the requirements files are\n"
          + "# named. BASE_IMAGE is any image with CPython 3.12 and pip for that architecture.\n"
          + "ARG BASE_IMAGE=python:3.12-slim\n"
          + "FROM ${BASE_IMAGE}\n"
          + "ARG TARGETARCH\n"
          + "COPY requirements-${TARGETARCH}.txt /app/\n"
          + "RUN . /tmp/hermeto.env \\\n"
          + "    && pip install --no-cache-dir --require-hashes -r /app/requirements-${TARGETARCH}.txt\n";

  private OfflineSample() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: OfflineSample DIR");
      System.exit(2);
    }
    write(Path.of(args[0]));
  }

  /** Writes the sample into {@code dir}, replacing what an earlier run wrote. */
  public static void write(Path dir) {
    try {
      Path index = dir.resolve("index");
      if (Files.isDirectory(index)) {
        try (Stream<Path> old = Files.list(index)) {
          for (Path p : old.toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(index);
      Map<String, List<Path>> files = new LinkedHashMap<>();

      String pure = Distributions.metadata("purelib", "1.0", ">=3.8", List.of());
      add(
          files,
          "purelib==1.0",
          Distributions.wheel(index, "purelib", "1.0", "py3-none-any", pure));
      add(
          files,
          "purelib==1.0",
          Distributions.sdist(
              index,
              "purelib",
              "1.0",
              Distributions.Format.TAR_GZ,
              pure,
              Map.of(
                  PYPROJECT,
                  "[build-system]\nrequires = [\"flit-core>=3.4\"]\n"
                      + "build-backend = \"flit_core.buildapi\"\n\n"
                      + "[project]\nname = \"purelib\"\nversion = \"1.0\"\n",
                  "purelib/__init__.py",
                  "def greet():\n    return \"hello\"\n")));

      String nv = Distributions.metadata("nvlib", "12.0", ">=3.8", List.of());
      add(
          files,
          "nvlib==12.0",
          Distributions.wheel(
              index, "nvlib", "12.0", "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64", nv));

      String nativeMeta = Distributions.metadata("nativepkg", "2.0", ">=3.8", List.of());
      add(
          files,
          "nativepkg==2.0",
          Distributions.sdist(
              index,
              "nativepkg",
              "2.0",
              Distributions.Format.TAR_GZ,
              nativeMeta,
              Map.of(
                  PYPROJECT,
                  "[build-system]\nrequires = [\"setuptools>=61\", \"wheel\"]\n"
                      + "build-backend = \"setuptools.build_meta\"\n\n"
                      + "[project]\nname = \"nativepkg\"\nversion = \"2.0\"\n",
                  "setup.py",
                  "from setuptools import Extension, setup\n\n"
                      + "setup(ext_modules=[Extension(\"nativepkg\", [\"nativepkg.c\"])])\n",
                  "nativepkg.c",
                  NATIVE_C)));

      String abi = Distributions.metadata("abipkg", "3.0", ">=3.9", List.of("purelib>=1.0"));
      for (String arch : List.of("x86_64", "aarch64")) {
        add(
            files,
            "abipkg==3.0",
            Distributions.wheel(index, "abipkg", "3.0", "cp39-abi3-manylinux_2_28_" + arch, abi));
      }
      add(
          files,
          "abipkg==3.0",
          Distributions.sdist(
              index,
              "abipkg",
              "3.0",
              Distributions.Format.TAR_GZ,
              abi,
              Map.of(PYPROJECT, "[build-system]\nrequires = [\"setuptools>=61\"]\n")));

      backend(index, "setuptools", "80.9.0", "");
      backend(index, "wheel", "0.45.1", "\"flit-core>=3.8,<4\"");
      backend(index, "flit-core", "3.12.0", "");

      writeRequirements(
          dir.resolve("requirements-x86_64.txt"),
          "x86_64",
          files,
          List.of("abipkg==3.0", "nativepkg==2.0", "nvlib==12.0", "purelib==1.0"));
      writeRequirements(
          dir.resolve("requirements-aarch64.txt"),
          "aarch64",
          files,
          List.of("abipkg==3.0", "nativepkg==2.0", "purelib==1.0"));
      Files.writeString(dir.resolve(PYPROJECT), PROJECT, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(CONTAINERFILE), CONTAINERFILE_TEXT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String NATIVE_C =
      "#define PY_SSIZE_T_CLEAN\n"
          + "#include <Python.h>\n\n"
          + "static PyObject *machine(PyObject *self, PyObject *args) {\n"
          + "#if defined(__x86_64__)\n"
          + "  return PyUnicode_FromString(\"x86_64\");\n"
          + "#elif defined(__aarch64__)\n"
          + "  return PyUnicode_FromString(\"aarch64\");\n"
          + "#else\n"
          + "  return PyUnicode_FromString(\"other\");\n"
          + "#endif\n"
          + "}\n\n"
          + "static PyMethodDef methods[] = {\n"
          + "  {\"machine\", machine, METH_NOARGS, \"The machine this was compiled for.\"},\n"
          + "  {NULL, NULL, 0, NULL}};\n\n"
          + "static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, \"nativepkg\", NULL, -1,"
          + " methods};\n\n"
          + "PyMODINIT_FUNC PyInit_nativepkg(void) { return PyModule_Create(&module); }\n";

  /** A build backend: a {@code py3-none-any} wheel and an sdist. */
  private static void backend(Path index, String name, String version, String requires) {
    String metadata = Distributions.metadata(name, version, ">=3.8", List.of());
    Distributions.wheel(index, name, version, "py3-none-any", metadata);
    Distributions.sdist(
        index,
        name,
        version,
        Distributions.Format.TAR_GZ,
        metadata,
        Map.of(PYPROJECT, "[build-system]\nrequires = [" + requires + "]\n"));
  }

  private static void add(Map<String, List<Path>> files, String pin, Path file) {
    files.computeIfAbsent(pin, k -> new ArrayList<>()).add(file);
  }

  private static void writeRequirements(
      Path target, String arch, Map<String, List<Path>> files, List<String> pins)
      throws IOException {
    StringBuilder out =
        new StringBuilder("# Pinned requirements of the offline sample for ")
            .append(arch)
            .append(" (Python 3.12), with the hash of every file of each release.\n");
    for (String pin : pins) {
      out.append(pin);
      List<String> hashes = new ArrayList<>();
      for (Path file : files.get(pin)) {
        hashes.add(sha256(file));
      }
      hashes.sort(String::compareTo);
      for (String hash : hashes) {
        out.append(" \\\n    --hash=sha256:").append(hash);
      }
      out.append('\n');
    }
    Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
