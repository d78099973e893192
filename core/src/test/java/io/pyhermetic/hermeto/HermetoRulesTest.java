package io.pyhermetic.hermeto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.pyhermetic.error.Diagnostic;
import io.pyhermetic.error.Severity;
import io.pyhermetic.reqfile.RequirementsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HermetoRulesTest {
  private static final String SHA = "a".repeat(64);
  private static final String SHA2 = "b".repeat(64);
  private static final String COMMIT = "58c88e4952e95935c0dd72d4a24b0c44f2249f5b";
  private static final String TARBALL =
      "https://github.com/hukkin/tomli/archive/refs/tags/2.2.1.tar.gz";
  private static final String CORPUS = "corpus/garak-2025-12/requirements-x86_64.txt";

  static Stream<Arguments> findings() {
    return Stream.of(
        // unpinned / wildcard-pin
        arguments("requests>=2.0\n", "unpinned", 1, 1, "'requests>=2.0' is not pinned"),
        arguments("ok==1.0\nrequests\n", "unpinned", 2, 1, "pin it as requests==<version>"),
        arguments("requests==2.0,<3\n", "unpinned", 1, 1, "exactly one == or ==="),
        arguments("requests~=2.31\n", "unpinned", 1, 1, "'requests~=2.31' is not pinned"),
        arguments("requests==2.*\n", "wildcard-pin", 1, 1, "finds no file for version '2.*'"),
        // missing-hash, with the reason hash mode is on
        arguments(
            "--require-hashes\nrequests==2.31.0\n",
            "missing-hash",
            2,
            1,
            "'requests==2.31.0' has no --hash, but the file is in hash mode (--require-hashes on"
                + " line 1)"),
        arguments(
            "a==1.0 --hash=sha256:" + SHA + "\nb==2.0\n",
            "missing-hash",
            2,
            1,
            "(the --hash of line 1)"),
        arguments(
            "tomli @ " + TARBALL + "\nb==2.0\n",
            "missing-hash",
            2,
            1,
            "(the URL requirement on line 1, which needs a --hash)"),
        // url-hash-count
        arguments(
            "tomli @ " + TARBALL + "\n",
            "url-hash-count",
            1,
            1,
            "has 0 --hash options, but Hermeto needs exactly one for a URL requirement"),
        arguments(
            "tomli @ " + TARBALL + " --hash=sha256:" + SHA + " --hash=sha256:" + SHA2 + "\n",
            "url-hash-count",
            1,
            1,
            "has 2 --hash options"),
        arguments(
            "tomli @ " + TARBALL + "#sha256=" + SHA + "\n",
            "url-hash-count",
            1,
            1,
            "the hash in the URL fragment does not count"),
        arguments(
            "tomli @ ftp://ftp.example.com/tomli-2.2.1.zip\n",
            "url-hash-count",
            1,
            1,
            "add --hash=sha256:<digest of the file>"),
        // url-extension
        arguments(
            "foo @ https://example.com/foo-1.0.rar --hash=sha256:" + SHA + "\n",
            "url-extension",
            1,
            1,
            "does not end with .zip, .tar.gz, .tar.bz2, .tar.xz, .tar.Z, .tar or .whl"),
        arguments(
            "foo @ https://example.com/download?file=foo-1.0.tar.gz --hash=sha256:" + SHA + "\n",
            "url-extension",
            1,
            1,
            "the URL path of 'foo @ https://example.com/download?file=foo-1.0.tar.gz'"),
        arguments(
            "foo @ https://foo.tar.gz/download --hash=sha256:" + SHA + "\n",
            "url-extension",
            1,
            1,
            "use a URL whose path names the archive file"),
        // unnamed-url
        arguments(
            "https://example.com/foo-1.0.tar.gz --hash=sha256:" + SHA + "\n",
            "unnamed-url",
            1,
            1,
            "'https://example.com/foo-1.0.tar.gz' has no package name"),
        arguments(
            "https://example.com/foo-1.0-py3-none-any.whl --hash=sha256:" + SHA + "\n",
            "unnamed-url",
            1,
            1,
            "write it as '<name> @ https://example.com/foo-1.0-py3-none-any.whl'"),
        arguments(
            "https://example.com/foo-1.0.tar.gz#egg= --hash=sha256:" + SHA + "\n",
            "unnamed-url",
            1,
            1,
            "has no package name"),
        arguments(
            "git+https://github.com/quay/appr.git@" + COMMIT + "\n",
            "unnamed-url",
            1,
            1,
            "has no package name"),
        // unsupported-scheme
        arguments(
            "pip @ file:///localbuilds/pip-1.3.1.zip\n",
            "unsupported-scheme",
            1,
            1,
            "'pip @ file:///localbuilds/pip-1.3.1.zip' is a file: URL"),
        arguments("file:///tmp/packages.zip\n", "unsupported-scheme", 1, 1, "is a file: URL"),
        arguments(
            "foo @ git+ssh://git@github.com/org/foo.git@" + COMMIT + "\n",
            "unsupported-scheme",
            1,
            1,
            "uses git+ssh, which Hermeto does not support"),
        arguments(
            "foo @ git+file:///srv/foo.git@" + COMMIT + "\n",
            "unsupported-scheme",
            1,
            1,
            "uses the 'git+file' scheme, which Hermeto does not support (not even git+ssh)"),
        // vcs-not-git, vcs-ref, vcs-in-hash-mode
        arguments(
            "foo @ hg+https://hg.example.com/foo@" + COMMIT + "\n",
            "vcs-not-git",
            1,
            1,
            "uses hg, but Hermeto fetches only git repositories"),
        arguments("foo @ svn+https://svn.example.com/foo/trunk\n", "vcs-not-git", 1, 1, "uses svn"),
        arguments(
            "foo @ git+https://github.com/org/foo.git@main\n",
            "vcs-ref",
            1,
            1,
            "'foo @ git+https://github.com/org/foo.git@main' does not end its URL path with '@'"),
        arguments(
            "foo @ git+https://github.com/org/foo.git@58c88e49\n",
            "vcs-ref",
            1,
            1,
            "full 40-hex commit hash"),
        arguments(
            "foo @ git+https://github.com/org/foo.git#" + COMMIT + "\n",
            "vcs-ref",
            1,
            1,
            "replace the ref with the full commit hash"),
        arguments(
            "foo @ git+https://" + COMMIT + "@github.com/org/foo.git\n",
            "vcs-ref",
            1,
            1,
            "full 40-hex commit hash"),
        arguments(
            "-e git+https://github.com/org/foo.git@v1.0#egg=foo\n",
            "vcs-ref",
            1,
            1,
            "'-e git+https://github.com/org/foo.git@v1.0#egg=foo' does not end"),
        arguments(
            "--require-hashes\nfoo @ git+https://github.com/org/foo.git@" + COMMIT + "\n",
            "vcs-in-hash-mode",
            2,
            1,
            "is a VCS requirement in a file in hash mode (--require-hashes on line 1)"),
        arguments(
            "a==1.0 --hash=sha256:"
                + SHA
                + "\nfoo @ git+https://github.com/org/foo.git@"
                + COMMIT
                + "\n",
            "vcs-in-hash-mode",
            2,
            1,
            "use 'foo @ https://…/<commit>.tar.gz --hash=sha256:…'"),
        arguments(
            "-e git+https://github.com/org/foo.git@"
                + COMMIT
                + "#egg=foo --hash=sha256:"
                + SHA
                + "\n",
            "vcs-in-hash-mode",
            1,
            1,
            "(the --hash of line 1)"),
        // malformed-hash, at the --hash option
        arguments(
            "requests==2.31.0 --hash=sha256:\n",
            "malformed-hash",
            1,
            18,
            "--hash=sha256: of 'requests==2.31.0' has no digest"),
        arguments(
            "requests==2.31.0 \\\n    --hash=sha256:" + SHA + " \\\n    --hash=sha512:\n",
            "malformed-hash",
            3,
            5,
            "--hash=sha512: of 'requests==2.31.0'"),
        // unsupported-option
        arguments(
            "--extra-index-url https://example.com/simple\nrequests==2.31.0\n",
            "unsupported-option",
            1,
            1,
            "Hermeto does not support '--extra-index-url https://example.com/simple'"),
        arguments("--no-index\n", "unsupported-option", 1, 1, "'--no-index'"),
        arguments("-f ./wheels\n", "unsupported-option", 1, 1, "'-f ./wheels'"),
        arguments(
            "--find-links=https://example.com/wheels/\n",
            "unsupported-option",
            1,
            1,
            "'--find-links https://example.com/wheels/'"),
        arguments(
            "--only-binary :all:\n",
            "unsupported-option",
            1,
            1,
            "choose wheels with the 'binary' object"),
        arguments(
            "requests==2.31.0 --only-binary :all:\n",
            "unsupported-option",
            1,
            18,
            "'--only-binary :all:'"),
        // unknown-option
        arguments(
            "requests==2.31.0 --config-settings key=value\n",
            "unknown-option",
            1,
            18,
            "does not know '--config-settings'"),
        arguments("requests==2.31.0 -C key=value\n", "unknown-option", 1, 18, "does not know '-C'"),
        arguments(
            "requests==2.31.0 --global-option=--no-user-cfg\n",
            "unknown-option",
            1,
            18,
            "does not know '--global-option'"),
        arguments(
            "-ihttps://pypi.org/simple/\nrequests==2.31.0\n",
            "unknown-option",
            1,
            1,
            "write the value after a space, as '-i https://pypi.org/simple/'"),
        arguments(
            "--index https://pypi.org/simple/\nrequests==2.31.0\n",
            "unknown-option",
            1,
            1,
            "does not know the option '--index' and fails on the file: write the full option"
                + " name '--index-url'"),
        arguments(
            "--pypi-url https://pypi.org/simple/\nrequests==2.31.0\n",
            "unknown-option",
            1,
            1,
            "'--pypi-url'"),
        arguments(
            "--editable=git+https://github.com/org/foo.git@" + COMMIT + "#egg=foo\n",
            "unknown-option",
            1,
            1,
            "takes no value joined to '--editable=' and fails on the file: write '-e git+https://"),
        // ignored-option (-r and -c are in their own test: they need files)
        arguments(
            "--prefer-binary\n",
            "ignored-option",
            1,
            1,
            "Hermeto ignores '--prefer-binary': choose wheels or sdists"),
        arguments(
            "--no-binary :all:\n", "ignored-option", 1, 1, "Hermeto ignores '--no-binary :all:'"),
        arguments("--pre\n", "ignored-option", 1, 1, "Hermeto ignores '--pre'"),
        arguments(
            "requests==2.31.0 --use-feature truststore\n",
            "ignored-option",
            1,
            18,
            "Hermeto ignores '--use-feature truststore'"),
        // local-requirement
        arguments(
            "requests==2.31.0\n-e .\n",
            "local-requirement",
            2,
            1,
            "'-e .' is a local editable project, which Hermeto cannot fetch: remove it from the"
                + " file (uv export emits '-e .': filter it out"),
        arguments(
            "-e file:///srv/project\n",
            "local-requirement",
            1,
            1,
            "'-e file:///srv/project' is a local editable project"),
        arguments(
            "./dist/foo-1.0.tar.gz\n",
            "local-requirement",
            1,
            1,
            "'./dist/foo-1.0.tar.gz' is a local path"),
        // index-url
        arguments(
            "-i ftp://example.com/simple\nrequests==2.31.0\n",
            "index-url",
            1,
            1,
            "'--index-url ftp://example.com/simple' must use http or https, got 'ftp'"),
        arguments(
            "--index-url example.com/simple\nrequests==2.31.0\n",
            "index-url",
            1,
            1,
            "must use http or https, got none"),
        arguments("--index-url https://\nrequests==2.31.0\n", "index-url", 1, 1, "has no host"),
        arguments(
            "--index-url https://user:s3cret@example.com/simple\nrequests==2.31.0\n",
            "index-url",
            1,
            1,
            "'--index-url https://***@example.com/simple' embeds credentials, which Hermeto"
                + " rejects: remove them from the URL and put them in .netrc"),
        arguments(
            "--index-url alice:hunter2@example.com/simple\nrequests==2.31.0\n",
            "index-url",
            1,
            1,
            "'--index-url ***@example.com/simple' must use http or https, so Hermeto"),
        arguments(
            "requests==2.31.0 --index-url=https://token@example.com/simple\n",
            "index-url",
            1,
            18,
            "https://***@example.com/simple"),
        // marker
        arguments(
            "colorama==0.4.6 ; sys_platform == \"win32\"\n",
            "marker",
            1,
            1,
            "'colorama==0.4.6 ; sys_platform == \"win32\"' has an environment marker, which"
                + " Hermeto ignores: it is fetched for every architecture; split the file per"
                + " architecture (pyhermetic split)"),
        arguments(
            "tomli @ " + TARBALL + " ; python_version < \"3.11\" --hash=sha256:" + SHA + "\n",
            "marker",
            1,
            1,
            "fetched for every architecture"),
        // option-without-requirement
        arguments(
            "requests==2.31.0\n--hash=sha256:" + SHA + "\n",
            "option-without-requirement",
            2,
            1,
            "is on a line without a requirement, which Hermeto rejects"),
        // env-var
        arguments(
            "--trusted-host ${MIRROR_HOST}\n",
            "env-var",
            1,
            16,
            "'${MIRROR_HOST}' is an environment variable, which Hermeto does not expand"));
  }

  @ParameterizedTest(name = "[{index}] {1} {2}:{3}")
  @MethodSource("findings")
  void reportsTheFinding(String text, String rule, int line, int column, String fragment) {
    List<Diagnostic> diagnostics = check(text);

    assertThat(diagnostics)
        .filteredOn(d -> d.rule().equals(rule))
        .anySatisfy(
            d -> {
              assertThat(d.location().source()).isEqualTo("requirements.txt");
              assertThat(d.location().line()).isEqualTo(line);
              assertThat(d.location().column()).isEqualTo(column);
              assertThat(d.message()).contains(fragment);
            });
    for (Diagnostic d : diagnostics) {
      Rule known = Rule.byId(d.rule()).orElseThrow();
      assertThat(d.severity()).isEqualTo(known.severity());
      assertThat(d.message()).doesNotContain("\n", "\r");
    }
  }

  @Test
  void theTableCoversEveryRule() {
    Set<String> covered = findings().map(a -> (String) a.get()[1]).collect(Collectors.toSet());
    covered.add(Rule.IGNORED_OPTION.id()); // also covered with files in includesAreNotFollowed
    assertThat(covered)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.toList()));
  }

  @Test
  void ruleIdsAreStableKebabCase() {
    assertThat(Rule.values())
        .extracting(Rule::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
    assertThat(Rule.byId("missing-hash")).contains(Rule.MISSING_HASH);
    assertThat(Rule.byId("nope")).isEmpty();
    assertThat(Rule.MARKER.severity()).isEqualTo(Severity.WARNING);
    assertThat(Rule.IGNORED_OPTION.severity()).isEqualTo(Severity.WARNING);
    assertThat(Rule.UNPINNED.severity()).isEqualTo(Severity.ERROR);
    assertThat(Rule.values()).allSatisfy(r -> assertThat(r.description()).isNotBlank());
  }

  static Stream<String> cleanFiles() {
    return Stream.of(
        // pip-compile --generate-hashes output with an index and a trusted host
        "#\n"
            + "# This file is autogenerated by pip-compile with Python 3.12\n"
            + "# by the following command:\n"
            + "#\n"
            + "#    pip-compile --generate-hashes requirements.in\n"
            + "#\n"
            + "--index-url https://pypi.org/simple/\n"
            + "--trusted-host pypi.org\n"
            + "\n"
            + "certifi==2024.8.30 \\\n"
            + "    --hash=sha256:"
            + SHA
            + " \\\n"
            + "    --hash=sha256:"
            + SHA2
            + "\n"
            + "    # via requests\n"
            + "requests==2.32.3 \\\n"
            + "    --hash=sha256:"
            + SHA
            + "\n"
            + "    # via -r requirements.in\n"
            + "tomli @ "
            + TARBALL
            + " \\\n"
            + "    --hash=sha256:"
            + SHA
            + "\n",
        // uv pip compile output without hashes
        "# This file was autogenerated by uv via the following command:\n"
            + "#    uv pip compile pyproject.toml -o requirements.txt\n"
            + "anyio==4.6.2\n"
            + "    # via httpx\n"
            + "httpx==0.27.2\n"
            + "    # via garak (pyproject.toml)\n"
            + "legacy-thing===1.0-custom\n",
        // git with a full commit in a file without hashes, an editable git requirement too
        "foo @ git+https://github.com/org/foo.git@"
            + COMMIT
            + "\n"
            + "-e git+https://github.com/org/bar.git@"
            + COMMIT
            + "#egg=bar\n"
            + "baz==1.0\n",
        // a bare URL named with #egg=, a wheel URL, a .tar.Z and an ftp URL, one hash each
        "--require-hashes\n"
            + "https://example.com/cnr_server-1.0.tar.gz#egg=cnr_server --hash=sha256:"
            + SHA
            + "\n"
            + "wheelie @ https://example.com/wheelie-1.0-py3-none-any.whl?x=1#frag"
            + " --hash=sha256:"
            + SHA
            + "\n"
            + "old @ https://example.com/old-1.0.tar.Z --hash=sha256:"
            + SHA
            + "\n"
            + "ftpd @ ftp://ftp.example.com/pub/ftpd-1.0.tar --hash=sha512:"
            + SHA
            + "\n",
        // an index without PyPI requirements is not used, so Hermeto does not check it
        "--index-url ftp://example.com/simple\n"
            + "tomli @ "
            + TARBALL
            + " --hash=sha256:"
            + SHA
            + "\n",
        "",
        "# only a comment\n");
  }

  @ParameterizedTest
  @MethodSource("cleanFiles")
  void acceptsWhatHermetoAccepts(String text) {
    assertThat(check(text)).isEmpty();
  }

  @Test
  void theRealUvCorpusWithHashesHasNoErrors() throws IOException {
    RequirementsFile file = RequirementsFile.parse(corpus(CORPUS), "requirements-x86_64.txt");
    assertThat(file.entries()).hasSize(213);
    assertThat(file.hashMode()).isTrue();

    List<Diagnostic> diagnostics = HermetoRules.check(file);

    assertThat(diagnostics).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("otherCorpusFiles")
  void theOtherRealFilesHaveNoErrorsEither(String relative) throws IOException {
    RequirementsFile file = RequirementsFile.parse(corpus(relative), relative);

    assertThat(HermetoRules.check(file)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
  }

  static Stream<String> otherCorpusFiles() {
    return Stream.of(
        "corpus/garak-2025-12/requirements-aarch64.txt",
        "corpus/garak-2025-12/requirements-build.txt");
  }

  @Test
  void indexUrlHostIsCheckedOnlyOnceTheSchemeIsRight() {
    assertThat(check("--index-url example.com/simple\nrequests==2.31.0\n"))
        .extracting(Diagnostic::message)
        .containsExactly(
            "'--index-url example.com/simple' must use http or https, got none, so Hermeto"
                + " rejects it: give an https index URL such as https://pypi.org/simple/");
  }

  @Test
  void reportsEveryFindingInFileOrderNotOnlyTheFirst() {
    String text =
        "--extra-index-url https://example.com/simple\n" // 1
            + "requests>=2\n" // 2
            + "flask\n" // 3
            + "-e .\n" // 4
            + "numpy==1.* ; platform_machine == \"x86_64\"\n" // 5
            + "--prefer-binary\n" // 6
            + "foo @ git+https://github.com/org/foo.git@main\n" // 7
            + "bar @ https://example.com/bar.rar\n" // 8: hash mode from here on
            + "baz==1.0 --only-binary :all:\n"; // 9

    List<Diagnostic> diagnostics = check(text);

    assertThat(diagnostics)
        .extracting(d -> d.location().line() + ":" + d.location().column() + " " + d.rule())
        .containsExactly(
            "1:1 unsupported-option",
            "2:1 unpinned",
            "2:1 missing-hash",
            "3:1 unpinned",
            "3:1 missing-hash",
            "4:1 local-requirement",
            "5:1 wildcard-pin",
            "5:1 missing-hash",
            "5:1 marker",
            "6:1 ignored-option",
            "7:1 vcs-ref",
            "7:1 vcs-in-hash-mode",
            "8:1 url-hash-count",
            "8:1 url-extension",
            "9:1 missing-hash",
            "9:10 unsupported-option");
    assertThat(diagnostics)
        .filteredOn(d -> d.rule().equals("missing-hash"))
        .allSatisfy(d -> assertThat(d.message()).contains("the URL requirement on line 8"));
  }

  @Test
  void includesAreNotFollowedButNamedForHermeto(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("base.txt"), "unpinned-in-base\n-e .\n");
    Files.writeString(dir.resolve("constraints.txt"), "urllib3<3\n");
    Path main = dir.resolve("requirements.txt");
    Files.writeString(main, "-r base.txt\n-c constraints.txt\nrequests==2.32.3\n");

    List<Diagnostic> diagnostics = HermetoRules.check(RequirementsFile.parse(main));

    assertThat(diagnostics).extracting(Diagnostic::rule).containsOnly("ignored-option");
    assertThat(diagnostics).hasSize(2);
    assertThat(diagnostics.get(0).location().line()).isEqualTo(1);
    assertThat(diagnostics.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(diagnostics.get(0).message())
        .isEqualTo(
            "Hermeto ignores '-r base.txt' and does not read base.txt: list base.txt in"
                + " requirements_files of Hermeto's input separately");
    assertThat(diagnostics.get(1).location().line()).isEqualTo(2);
    assertThat(diagnostics.get(1).message())
        .startsWith("Hermeto ignores '-c constraints.txt' and does not read constraints.txt")
        .contains("pin every package in this file");
  }

  @Test
  void hashModeOfAnIncludedFileDoesNotCarryOver(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("hashed.txt"), "a==1.0 --hash=sha256:" + SHA + "\n");
    Path main = dir.resolve("requirements.txt");
    Files.writeString(main, "-r hashed.txt\nb==2.0\n");

    assertThat(HermetoRules.check(RequirementsFile.parse(main)))
        .extracting(Diagnostic::rule)
        .containsExactly("ignored-option");
  }

  @Test
  void neverShowsCredentials() {
    String text =
        "--index-url https://alice:hunter2@example.com/simple\n"
            + "-i carol:pa55@example.com/simple\n"
            + "requests>=2\n"
            + "foo @ https://bob:t0ken@example.com/foo.rar\n"
            + "bar @ git+ssh://ghp_secret@github.com/org/bar.git@main\n";

    List<Diagnostic> diagnostics = check(text);

    assertThat(diagnostics).isNotEmpty();
    assertThat(diagnostics)
        .allSatisfy(
            d ->
                assertThat(d.toString())
                    .doesNotContain(
                        "alice", "hunter2", "carol", "pa55", "bob", "t0ken", "ghp_secret"));
    assertThat(diagnostics)
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("'foo @ https://***@example.com/foo.rar'"));
  }

  @Test
  void aNonEmptyEggNamesABareUrl() {
    assertThat(
            check(
                "https://example.com/x-1.0.tar.gz#egg=x&subdirectory=pkg --hash=sha256:"
                    + SHA
                    + "\n"))
        .isEmpty();
    assertThat(check("https://example.com/x-1.0.tar.gz#egg --hash=sha256:" + SHA + "\n"))
        .extracting(Diagnostic::rule)
        .containsExactly("unnamed-url");
  }

  @Test
  void resultIsImmutable() {
    List<Diagnostic> diagnostics = check("requests\n");
    assertThat(diagnostics).hasSize(1);
    assertThatThrownBy(() -> diagnostics.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  private static List<Diagnostic> check(String text) {
    return HermetoRules.check(RequirementsFile.parse(text, "requirements.txt"));
  }

  /** A corpus file from the testdata module's resources. */
  private static String corpus(String relative) throws IOException {
    try (InputStream in =
        HermetoRulesTest.class.getResourceAsStream("/io/pyhermetic/testdata/" + relative)) {
      if (in == null) {
        throw new IllegalStateException("corpus file not found: " + relative);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
