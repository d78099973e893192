package io.pyhermetic.index;

import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An index whose one answer per project lists every release and its files (a simple index's project
 * page). {@link CachingIndex} keeps that answer, so the files of several releases, the versions and
 * the metadata of a project cost one page request instead of one each.
 */
public interface ProjectListing {

  /**
   * Every version of a project and the files of each.
   *
   * @param versions ascending, unparsable versions left out
   * @param files the files of each version, by filename; a version without files is absent
   */
  record Listing(List<Version> versions, Map<Version, List<ReleaseFile>> files) {
    /**
     * Copies the collections, so the listing stays immutable.
     *
     * @param versions ascending, unparsable versions left out
     * @param files the files of each version, by filename; a version without files is absent
     */
    public Listing {
      versions = List.copyOf(versions);
      files = Map.copyOf(files);
    }

    /**
     * The files of {@code version}, empty when it has none.
     *
     * @param version the version
     * @return the files
     */
    public List<ReleaseFile> filesOf(Version version) {
      return files.getOrDefault(version, List.of());
    }
  }

  /**
   * The project's listing; fails with a not-found {@link IndexException} for an unknown project.
   *
   * @param project the project
   * @return the listing, when it arrives
   */
  CompletableFuture<Listing> listingAsync(ProjectName project);

  /**
   * The core metadata of a release whose files are already known.
   *
   * @param project the project
   * @param version the version
   * @param files the release's files
   * @return the metadata, when it arrives
   */
  CompletableFuture<ReleaseMetadata> metadataAsync(
      ProjectName project, Version version, List<ReleaseFile> files);
}
