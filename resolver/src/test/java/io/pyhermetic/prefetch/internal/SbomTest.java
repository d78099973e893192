package io.pyhermetic.prefetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SbomTest {

  private static Sbom.Component dep(
      String name, Optional<String> index, boolean binary, boolean build, String missingIn) {
    return Sbom.Component.dependency(
        name, "1.0", index, binary, build, Optional.ofNullable(missingIn));
  }

  @Test
  void purlsCarryARepositoryUrlOnlyForAnIndexOtherThanPypi() {
    assertThat(dep("requests", Optional.empty(), false, false, null).purl())
        .isEqualTo("pkg:pypi/requests@1.0");
    assertThat(dep("requests", Optional.of("https://pypi.org/simple/"), false, false, null).purl())
        .isEqualTo("pkg:pypi/requests@1.0");
    assertThat(dep("requests", Optional.of("https://pypi.org/simple"), false, false, null).purl())
        .isEqualTo("pkg:pypi/requests@1.0");
    assertThat(
            dep(
                    "mypypi-package",
                    Optional.of("https://my-pypi.example.invalid/simple/"),
                    false,
                    false,
                    null)
                .purl())
        .isEqualTo(
            "pkg:pypi/mypypi-package@1.0?repository_url=https://my-pypi.example.invalid/simple/");
    assertThat(dep("x", Optional.of("file:///srv/deps%20dir/"), false, false, null).purl())
        .isEqualTo("pkg:pypi/x@1.0?repository_url=file:///srv/deps%2520dir/");
  }

  @Test
  void purlsEncodeAsHermetosPurlLibrary() {
    TreeMap<String, String> vcs = new TreeMap<>();
    vcs.put("vcs_url", "git+ssh://git@git.example.invalid/org/repo.git@" + "a".repeat(40));
    assertThat(Purl.pypi("Test_Package", Optional.of("1.0+local"), vcs, Optional.of("sub/dir")))
        .isEqualTo(
            "pkg:pypi/test-package@1.0%2Blocal?vcs_url=git%2Bssh://git%40git.example.invalid/org/repo.git%40"
                + "a".repeat(40)
                + "#sub/dir");
    assertThat(Purl.pypi("pkg", Optional.empty(), new TreeMap<>(), Optional.empty()))
        .isEqualTo("pkg:pypi/pkg");
  }

  @Test
  void componentsWithOnePurlAreMerged() {
    List<Sbom.Component> merged =
        Sbom.merged(
            List.of(
                dep("b", Optional.empty(), false, true, "requirements-build.txt"),
                dep("b", Optional.empty(), true, false, "requirements.txt"),
                dep("a", Optional.empty(), false, true, null),
                dep("a", Optional.empty(), false, true, null),
                dep("b", Optional.empty(), false, true, "requirements.txt")));
    assertThat(merged)
        .extracting(Sbom.Component::purl)
        .containsExactly("pkg:pypi/a@1.0", "pkg:pypi/b@1.0");
    // a: build dependency in every file; binary never
    assertThat(merged.get(0).properties())
        .containsExactly(
            new Sbom.Property("hermeto:found_by", "pyhermetic"),
            new Sbom.Property("hermeto:pip:package:build-dependency", "true"));
    // b: binary OR-ed, build dependency AND-ed, files without hashes united
    assertThat(merged.get(1).properties())
        .containsExactly(
            new Sbom.Property("hermeto:found_by", "pyhermetic"),
            new Sbom.Property("hermeto:missing_hash:in_file", "requirements-build.txt"),
            new Sbom.Property("hermeto:missing_hash:in_file", "requirements.txt"),
            new Sbom.Property("hermeto:pip:package:binary", "true"));
  }

  @Test
  void theDocumentIsCycloneDx16SortedAndDatedByTheGivenInstant() {
    Sbom.Component main =
        Sbom.Component.main(
            new MainPackage(
                "test_package",
                Optional.of("1.0.0"),
                "pkg:pypi/test-package@1.0.0?vcs_url=git%2Bhttps://git.example.invalid/org/hermeto.git%40"
                    + "b".repeat(40)));
    String json =
        Sbom.json(
            List.of(
                dep("zzz", Optional.empty(), true, false, null),
                main,
                dep("aaa", Optional.empty(), false, false, "requirements.txt")),
            "1.2.3",
            Instant.parse("2025-03-04T05:06:07.890Z"));
    assertThat(json)
        .isEqualTo(
            "{\n"
                + "  \"bomFormat\": \"CycloneDX\",\n"
                + "  \"specVersion\": \"1.6\",\n"
                + "  \"version\": 1,\n"
                + "  \"metadata\": {\n"
                + "    \"tools\": [\n"
                + "      {\n"
                + "        \"name\": \"pyhermetic\",\n"
                + "        \"version\": \"1.2.3\"\n"
                + "      }\n"
                + "    ]\n"
                + "  },\n"
                + "  \"components\": [\n"
                + "    {\n"
                + "      \"bom-ref\": \"pkg:pypi/aaa@1.0\",\n"
                + "      \"type\": \"library\",\n"
                + "      \"name\": \"aaa\",\n"
                + "      \"version\": \"1.0\",\n"
                + "      \"purl\": \"pkg:pypi/aaa@1.0\",\n"
                + "      \"properties\": [\n"
                + "        {\n"
                + "          \"name\": \"hermeto:found_by\",\n"
                + "          \"value\": \"pyhermetic\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"name\": \"hermeto:missing_hash:in_file\",\n"
                + "          \"value\": \"requirements.txt\"\n"
                + "        }\n"
                + "      ]\n"
                + "    },\n"
                + "    {\n"
                + "      \"bom-ref\": \""
                + main.purl()
                + "\",\n"
                + "      \"type\": \"library\",\n"
                + "      \"name\": \"test_package\",\n"
                + "      \"version\": \"1.0.0\",\n"
                + "      \"purl\": \""
                + main.purl()
                + "\",\n"
                + "      \"properties\": [\n"
                + "        {\n"
                + "          \"name\": \"hermeto:found_by\",\n"
                + "          \"value\": \"pyhermetic\"\n"
                + "        }\n"
                + "      ]\n"
                + "    },\n"
                + "    {\n"
                + "      \"bom-ref\": \"pkg:pypi/zzz@1.0\",\n"
                + "      \"type\": \"library\",\n"
                + "      \"name\": \"zzz\",\n"
                + "      \"version\": \"1.0\",\n"
                + "      \"purl\": \"pkg:pypi/zzz@1.0\",\n"
                + "      \"properties\": [\n"
                + "        {\n"
                + "          \"name\": \"hermeto:found_by\",\n"
                + "          \"value\": \"pyhermetic\"\n"
                + "        },\n"
                + "        {\n"
                + "          \"name\": \"hermeto:pip:package:binary\",\n"
                + "          \"value\": \"true\"\n"
                + "        }\n"
                + "      ]\n"
                + "    }\n"
                + "  ],\n"
                + "  \"annotations\": [\n"
                + "    {\n"
                + "      \"subjects\": [\n"
                + "        \"pkg:pypi/aaa@1.0\",\n"
                + "        \""
                + main.purl()
                + "\",\n"
                + "        \"pkg:pypi/zzz@1.0\"\n"
                + "      ],\n"
                + "      \"annotator\": {\n"
                + "        \"organization\": {\n"
                + "          \"name\": \"pyhermetic\"\n"
                + "        }\n"
                + "      },\n"
                + "      \"timestamp\": \"2025-03-04T05:06:07Z\",\n"
                + "      \"text\": \"hermeto:backend:pip\"\n"
                + "    }\n"
                + "  ]\n"
                + "}\n");
  }

  @Test
  void aMainPackageWithoutVersionHasNoVersionField() {
    Sbom.Component main =
        Sbom.Component.main(new MainPackage("app", Optional.empty(), "pkg:pypi/app"));
    assertThat(main.properties())
        .containsExactly(new Sbom.Property("hermeto:found_by", "pyhermetic"));
    assertThat(Sbom.json(List.of(main), "dev", Instant.EPOCH))
        .doesNotContain("\"version\": \"1")
        .contains("\"name\": \"app\",\n      \"purl\"")
        .contains("\"timestamp\": \"1970-01-01T00:00:00Z\"");
    assertThat(main.missingHashIn()).isEqualTo(new TreeSet<String>());
  }
}
