package io.pyhermetic.index;

import io.pyhermetic.index.internal.Futures;
import io.pyhermetic.requirement.ProjectName;
import io.pyhermetic.version.Version;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An index whose look-ups are asynchronous at heart: the blocking methods wait for the non-blocking
 * ones, and rethrow their {@link IndexException} as is.
 */
abstract class NonBlockingIndex implements PackageIndex {

  @Override
  public abstract CompletableFuture<List<ReleaseFile>> filesAsync(
      ProjectName project, Version version);

  @Override
  public abstract CompletableFuture<List<Version>> versionsAsync(ProjectName project);

  @Override
  public abstract CompletableFuture<ReleaseMetadata> metadataAsync(
      ProjectName project, Version version);

  @Override
  public List<ReleaseFile> files(ProjectName project, Version version) {
    return Futures.join(filesAsync(project, version));
  }

  @Override
  public List<Version> versions(ProjectName project) {
    return Futures.join(versionsAsync(project));
  }

  @Override
  public ReleaseMetadata metadata(ProjectName project, Version version) {
    return Futures.join(metadataAsync(project, version));
  }
}
