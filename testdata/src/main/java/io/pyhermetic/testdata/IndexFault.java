package io.pyhermetic.testdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Every way a package index fails, the one table the fault-matrix tests share: how each fault is
 * served (WireMock stubs, a raw socket server or a closed port) and what the index client must make
 * of it. A fault that goes away is a silent retry; the index's "no such project" is its answer; any
 * other fault is one clear index failure whose message contains {@link #words()}.
 */
public enum IndexFault {
  /** Nothing listens on the port. */
  CONNECTION_REFUSED("connection refused", Outcome.INDEX_FAILURE, "connection refused"),
  /** The connection is reset after part of the body. */
  RESET_MID_BODY("reset mid-body", Outcome.INDEX_FAILURE, "after 2 tries"),
  /** A JSON page cut short: the connection closes before its announced length. */
  TRUNCATED_JSON("truncated JSON", Outcome.INDEX_FAILURE, "after 2 tries"),
  /** An HTML page cut short. */
  TRUNCATED_HTML("truncated HTML", Outcome.INDEX_FAILURE, "after 2 tries"),
  /** A project page served as {@code application/octet-stream}. */
  WRONG_CONTENT_TYPE(
      "wrong Content-Type",
      Outcome.INDEX_FAILURE,
      "not a simple-index project page (application/octet-stream)"),
  /** HTTP 404: the index has no such project. */
  NOT_FOUND_404("404", Outcome.NOT_FOUND, ""),
  /** HTTP 410: the project is gone. */
  GONE_410("410", Outcome.NOT_FOUND, ""),
  /** HTTP 401. */
  UNAUTHORIZED_401("401", Outcome.INDEX_FAILURE, "HTTP 401"),
  /** HTTP 403. */
  FORBIDDEN_403("403", Outcome.INDEX_FAILURE, "HTTP 403"),
  /** One HTTP 429 whose Retry-After is a number of seconds, then the healthy index. */
  RETRY_AFTER_SECONDS("429 with Retry-After in seconds", Outcome.SILENT_RETRY, ""),
  /** One HTTP 429 whose Retry-After is an HTTP-date, then the healthy index. */
  RETRY_AFTER_DATE("429 with Retry-After as an HTTP-date", Outcome.SILENT_RETRY, ""),
  /** One HTTP 503, then the healthy index. */
  UNAVAILABLE_THEN_OK("503 then success", Outcome.SILENT_RETRY, ""),
  /** A server that accepts the connection and never answers: only a timeout ends the wait. */
  NEVER_ANSWERS("a server that never answers", Outcome.INDEX_FAILURE, "1 s timeout"),
  /** Every request redirected back to itself. */
  REDIRECT_LOOP("a redirect loop", Outcome.INDEX_FAILURE, "more than 5 redirects"),
  /** Every request redirected to the same path on another host, which answers. */
  REDIRECT_ELSEWHERE("a redirect to another host", Outcome.SILENT_RETRY, "");

  /** What the index client makes of a fault. */
  public enum Outcome {
    /** The fault goes away and is retried without a trace. */
    SILENT_RETRY,
    /** The index's own answer that the project does not exist. */
    NOT_FOUND,
    /** One failure per project, naming its redacted URL. */
    INDEX_FAILURE
  }

  /**
   * Where a fault is served.
   *
   * @param wiremock the client of the WireMock server the stubs go to
   * @param baseUrl that server's base URL, without a trailing slash
   * @param project the project whose page the raw socket servers cut short
   * @param healthy how the healthy index answers any request (after a fault that goes away)
   * @param elsewhere the base URL of another host that answers every path as the healthy index
   * @param opened told of every server started for a fault, which the caller closes
   */
  public record Stage(
      WireMock wiremock,
      String baseUrl,
      String project,
      ResponseDefinitionBuilder healthy,
      String elsewhere,
      Consumer<AutoCloseable> opened) {
    /**
     * Checks that no part is null.
     *
     * @param wiremock see {@link #wiremock()}
     * @param baseUrl see {@link #baseUrl()}
     * @param project see {@link #project()}
     * @param healthy see {@link #healthy()}
     * @param elsewhere see {@link #elsewhere()}
     * @param opened see {@link #opened()}
     */
    public Stage {
      Objects.requireNonNull(wiremock, "wiremock");
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(healthy, "healthy");
      Objects.requireNonNull(elsewhere, "elsewhere");
      Objects.requireNonNull(opened, "opened");
    }
  }

  /** The content type of a JSON project page. */
  public static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

  // written once, when the table is built, as the tables it replaces did
  private static final String IN_TWO_SECONDS =
      DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));

  private final String description;
  private final Outcome outcome;
  private final String words;

  IndexFault(String description, Outcome outcome, String words) {
    this.description = description;
    this.outcome = outcome;
    this.words = words;
  }

  /**
   * What the index client makes of it.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * What the failure's message says, for an {@link Outcome#INDEX_FAILURE}.
   *
   * @return the words, empty for the other outcomes
   */
  public String words() {
    return words;
  }

  /**
   * Whether only a timeout ends the request, so a test gives it a short one.
   *
   * @return whether the server never answers
   */
  public boolean hangs() {
    return this == NEVER_ANSWERS;
  }

  /**
   * A simple-index JSON project page listing one wheel, {@code PROJECT-1.0-py3-none-any.whl}.
   *
   * @param project the project
   * @return the page
   */
  public static String jsonPage(String project) {
    return "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \""
        + project
        + "\", \"files\": [{\"filename\": \""
        + wheel(project)
        + "\", \"url\": \"/files/"
        + wheel(project)
        + "\", \"hashes\": {}}]}";
  }

  private static String htmlPage(String project) {
    return "<!DOCTYPE html><html><body><a href=\"/files/"
        + wheel(project)
        + "\">"
        + wheel(project)
        + "</a></body></html>";
  }

  private static String wheel(String project) {
    return project + "-1.0-py3-none-any.whl";
  }

  /**
   * Serves the fault: resets the WireMock server's stubs, requests and scenarios and installs the
   * fault's stubs, or starts the server it needs.
   *
   * @param stage where to serve it
   * @return the index URL to use, {@code …/simple/}, without credentials
   */
  public String install(Stage stage) {
    WireMock wm = stage.wiremock();
    wm.resetMappings();
    wm.resetRequests();
    wm.resetScenarios();
    String index = stage.baseUrl() + "/simple/";
    byte[] json = jsonPage(stage.project()).getBytes(StandardCharsets.UTF_8);
    byte[] html = htmlPage(stage.project()).getBytes(StandardCharsets.UTF_8);
    switch (this) {
      case CONNECTION_REFUSED -> {
        return closedPort() + "/simple/";
      }
      case RESET_MID_BODY -> {
        return raw(stage, RawSocketServer.resetMidBody(JSON_TYPE, json, 40));
      }
      case TRUNCATED_JSON -> {
        return raw(stage, RawSocketServer.truncated(JSON_TYPE, json, 40));
      }
      case TRUNCATED_HTML -> {
        return raw(stage, RawSocketServer.truncated("text/html", html, 40));
      }
      case NEVER_ANSWERS -> {
        return raw(stage, RawSocketServer.NEVER_ANSWERS);
      }
      case WRONG_CONTENT_TYPE ->
          always(wm, okForContentType("application/octet-stream", jsonPage(stage.project())));
      case NOT_FOUND_404 -> always(wm, aResponse().withStatus(404));
      case GONE_410 -> always(wm, aResponse().withStatus(410));
      case UNAUTHORIZED_401 -> always(wm, aResponse().withStatus(401));
      case FORBIDDEN_403 -> always(wm, aResponse().withStatus(403));
      case RETRY_AFTER_SECONDS ->
          thenHealthy(stage, aResponse().withStatus(429).withHeader("Retry-After", "1"));
      case RETRY_AFTER_DATE ->
          thenHealthy(stage, aResponse().withStatus(429).withHeader("Retry-After", IN_TWO_SECONDS));
      case UNAVAILABLE_THEN_OK -> thenHealthy(stage, aResponse().withStatus(503));
      case REDIRECT_LOOP ->
          always(wm, aResponse().withStatus(302).withHeader("Location", "./?again"));
      case REDIRECT_ELSEWHERE ->
          always(
              wm,
              aResponse()
                  .withStatus(302)
                  .withHeader("Location", stage.elsewhere() + "{{request.path}}")
                  .withTransformers("response-template"));
    }
    return index;
  }

  private static void always(WireMock wm, ResponseDefinitionBuilder response) {
    wm.register(any(anyUrl()).willReturn(response));
  }

  /** The first request answered by {@code first}, every later one by the healthy index. */
  private static void thenHealthy(Stage stage, ResponseDefinitionBuilder first) {
    WireMock wm = stage.wiremock();
    wm.register(
        any(anyUrl())
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("up"));
    wm.register(
        any(anyUrl()).inScenario("flaky").whenScenarioStateIs("up").willReturn(stage.healthy()));
    // WireMock checks a scenario's state once per stub: a request that reads "started" for one
    // stub and "up" for the other (while another request moves the state) would match neither
    // and get a 404 that the server never meant; it goes to the index instead.
    wm.register(any(anyUrl()).atPriority(10).willReturn(stage.healthy()));
  }

  private static String raw(Stage stage, RawSocketServer.Behaviour behaviour) {
    RawSocketServer server = RawSocketServer.start(behaviour);
    stage.opened().accept(server);
    return server.baseUrl() + "/simple/";
  }

  private static String closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
