package io.pyhermetic.prefetch.internal;

import io.pyhermetic.buildsystem.ProjectMetadata;
import io.pyhermetic.requirement.ProjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SBOM component of one pip package of the input (its "main package"), as Hermeto's {@code
 * _get_pip_metadata} and {@code _generate_purl_main_package} make it.
 *
 * @param name the name as the project's files write it, or the one inferred from the origin URL
 * @param version the version the project's files give, if any
 * @param purl {@code pkg:pypi/<name>[@<version>]?vcs_url=git%2B<origin>%40<commit>[#<subpath>]},
 *     without {@code vcs_url} when the source is not in a git checkout with an origin and a commit
 */
public record MainPackage(String name, Optional<String> version, String purl) {

  /**
   * Checks that every part is given.
   *
   * @param name see {@link #name()}
   * @param version see {@link #version()}
   * @param purl see {@link #purl()}
   */
  public MainPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(purl, "purl");
  }

  /** Why no name could be found for a package. */
  public static final class NoNameException extends Exception {
    private static final long serialVersionUID = 1L;

    NoNameException(String message) {
      super(message);
    }
  }

  /**
   * Reads the package at {@code subpath} of {@code sourceDir}.
   *
   * @param subpath the package's {@code path} in the input, relative to {@code sourceDir}
   * @param repository the git checkout of {@code sourceDir}, if it is in one
   * @throws NoNameException when neither the project's files nor the origin URL give a name
   * @throws IOException when a file exists but cannot be read
   * @param sourceDir the project checkout
   * @return the package's name, version and purl
   */
  public static MainPackage read(Path sourceDir, String subpath, Optional<GitRepository> repository)
      throws NoNameException, IOException {
    Optional<String> sub = subpath(subpath);
    Path dir = sourceDir.resolve(sub.orElse(".")).normalize();
    ProjectMetadata metadata =
        ProjectMetadata.read(
            sub.orElse("."),
            bytes(dir.resolve("pyproject.toml")),
            bytes(dir.resolve("setup.cfg")),
            bytes(dir.resolve("setup.py")));
    String name;
    if (metadata.name().isPresent()) {
      name = metadata.name().get();
    } else {
      name =
          nameFromOrigin(repository.flatMap(GitRepository::origin), sub)
              .orElseThrow(
                  () ->
                      new NoNameException(
                          "Unable to infer package name from origin URL for the package at "
                              + sub.orElse(".")
                              + ": give it a name in pyproject.toml ([project] name), setup.py or"
                              + " setup.cfg ([metadata] name), or keep the source in a git"
                              + " checkout whose 'origin' remote has a valid URL"));
    }
    TreeMap<String, String> qualifiers = new TreeMap<>();
    repository.flatMap(GitRepository::vcsUrl).ifPresent(v -> qualifiers.put("vcs_url", v));
    return new MainPackage(
        name, metadata.version(), Purl.pypi(name, metadata.version(), qualifiers, sub));
  }

  /**
   * Hermeto's name from the origin URL: the last segment of its path without {@code .git}, then the
   * package's sub-path, joined with {@code -} and canonicalised ({@code
   * hermeto-subpath1-subpath2}).
   */
  static Optional<String> nameFromOrigin(Optional<String> origin, Optional<String> subpath) {
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    String path = origin.get();
    int scheme = path.indexOf("://");
    if (scheme >= 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    path = path.replaceAll("[?#].*$", "").replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    String repo = last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    String joined = subpath.map(s -> repo + "/" + s).orElse(repo).replace('/', '-');
    String name = ProjectName.canonicalize(joined).replaceAll("^[-.]+|[-.]+$", "");
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  /** The input's path as a normalised {@code a/b} sub-path, empty for the source root. */
  static Optional<String> subpath(String path) {
    String normalized = Path.of(path).normalize().toString().replace('\\', '/');
    return normalized.isEmpty() || normalized.equals(".")
        ? Optional.empty()
        : Optional.of(normalized);
  }

  private static Optional<byte[]> bytes(Path file) throws IOException {
    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }
}
