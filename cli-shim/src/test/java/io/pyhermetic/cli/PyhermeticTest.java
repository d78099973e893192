package io.pyhermetic.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PyhermeticTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path temp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Pyhermetic.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void printsItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("pyhermetic 0.");
  }

  @Test
  void helpListsTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: pyhermetic").contains("4   podman failure");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");
  }

  @Test
  void everyCommandAcceptsVerbose() throws IOException {
    Path file = Files.writeString(temp.resolve("r.txt"), "foo==1\n");
    assertThat(run("check", file.toString(), "--verbose")).isZero();
    assertThat(run("--verbose", "check", file.toString())).isZero();
    for (String command : Pyhermetic.SUBCOMMANDS) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).as(command).contains("--verbose");
    }
  }

  @Test
  void aSubcommandNamedFirstIsTheOnlyOneBuilt() {
    assertThat(Pyhermetic.commandLine().getSubcommands().keySet())
        .containsExactlyElementsOf(Pyhermetic.SUBCOMMANDS);
    assertThat(Pyhermetic.commandLine(new String[] {"check", "r.txt"}).getSubcommands())
        .containsOnlyKeys("check");
    assertThat(Pyhermetic.commandLine(new String[] {"--verbose", "diff"}).getSubcommands())
        .containsOnlyKeys("diff");
    for (String[] args :
        new String[][] {{}, {"--help"}, {"--verbose"}, {"-h", "check"}, {"chek"}, {"--", "diff"}}) {
      assertThat(Pyhermetic.commandLine(args).getSubcommands().keySet())
          .as(Arrays.toString(args))
          .containsExactlyElementsOf(Pyhermetic.SUBCOMMANDS);
    }
  }

  @Test
  void aSubcommandBuiltAloneReadsAsAmongAll() {
    picocli.CommandLine all = Pyhermetic.commandLine();
    ExitCodes.applyTo(all);
    for (String name : Pyhermetic.SUBCOMMANDS) {
      picocli.CommandLine alone = Pyhermetic.commandLine(new String[] {name});
      ExitCodes.applyTo(alone);
      assertThat(
              alone.getSubcommands().get(name).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF))
          .as(name)
          .isEqualTo(
              all.getSubcommands().get(name).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Failures whose words come from Java exceptions: the arguments in a temporary directory. */
  static Stream<Arguments> failures() throws IOException {
    int closed = closedPort();
    return Stream.of(
        Arguments.of(
            "a closed port",
            (Function<Path, String[]>)
                t -> buildDeps(t, "--simple-index", "http://127.0.0.1:" + closed + "/simple/"),
            3,
            "connection refused"),
        Arguments.of(
            "a server that closes the connection",
            (Function<Path, String[]>)
                t -> {
                  server.stubFor(
                      get(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
                  return buildDeps(t, "--simple-index", server.baseUrl() + "/simple/");
                },
            3,
            "the server closed the connection"),
        Arguments.of(
            "a missing file",
            (Function<Path, String[]>)
                t -> new String[] {"check", t.resolve("nope.txt").toString()},
            2,
            "no such file"),
        Arguments.of(
            "a corrupt sdist",
            (Function<Path, String[]>)
                t -> {
                  write(t.resolve("links/broken-1.0.tar.gz"), "not a tarball");
                  return buildDeps(t, "--find-links", t.resolve("links").toString());
                },
            1,
            "cannot read the archive: "),
        Arguments.of(
            "a build config that is not JSON",
            (Function<Path, String[]>)
                t -> {
                  write(t.resolve("output/.build-config.json"), "{\"environment_variables\": [");
                  return new String[] {"generate-env", t.resolve("output").toString()};
                },
            2,
            "not valid JSON at line 1"),
        Arguments.of(
            "an output below a file",
            (Function<Path, String[]>)
                t -> {
                  write(t.resolve("r.txt"), "foo==1\n");
                  return new String[] {
                    "merge",
                    t.resolve("r.txt").toString(),
                    "-o",
                    t.resolve("r.txt/m.txt").toString()
                  };
                },
            2,
            "r.txt is not a directory"));
  }

  private static String[] buildDeps(Path temp, String... index) {
    write(temp.resolve("r.txt"), "broken==1.0\n");
    String[] base = {
      "build-deps",
      temp.resolve("r.txt").toString(),
      "-o",
      temp.resolve("b.txt").toString(),
      "--no-cache"
    };
    String[] all = Arrays.copyOf(base, base.length + index.length);
    System.arraycopy(index, 0, all, base.length, index.length);
    return all;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void messagesNameNoJavaClasses(
      String what, Function<Path, String[]> args, int code, String words) {
    assertThat(run(args.apply(temp))).as(err.toString()).isEqualTo(code);
    String shown = out.toString() + err.toString();
    assertThat(shown)
        .contains(words)
        .doesNotContain("java.", "javax.", "org.apache", "Exception", "\tat ");
  }
}
