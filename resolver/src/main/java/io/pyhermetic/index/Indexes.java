package io.pyhermetic.index;

/** Opens the {@link PackageIndex} for an {@link IndexLocation}; what the command line calls. */
public final class Indexes {
  private Indexes() {}

  /**
   * The index at {@code location} with {@code settings}, wrapped in a {@link CachingIndex} so that
   * repeated look-ups in one run are answered once. Close it to release connections.
   *
   * @param location where the index is
   * @param settings the index settings
   * @return the opened index
   */
  public static CachingIndex open(IndexLocation location, IndexSettings settings) {
    PackageIndex index =
        switch (location.kind()) {
          case JSON_API -> new PypiJsonIndex(location.location(), settings);
          case SIMPLE -> new SimpleIndex(location.location(), settings);
          case FIND_LINKS -> new LocalIndex(location.directory());
        };
    return new CachingIndex(index);
  }
}
