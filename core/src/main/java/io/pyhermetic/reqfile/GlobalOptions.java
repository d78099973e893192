package io.pyhermetic.reqfile;

import java.util.List;
import java.util.SortedSet;

/**
 * The global options of a requirements file and every file it includes, combined the way pip's
 * finder and session see them after reading the whole file: the index list after {@code -i}, {@code
 * --extra-index-url} and the sticky {@code --no-index}, the find-links, the binary format control,
 * and the flags.
 */
public record GlobalOptions(
    List<String> indexUrls,
    boolean noIndex,
    List<String> findLinks,
    SortedSet<String> noBinary,
    SortedSet<String> onlyBinary,
    boolean preferBinary,
    boolean requireHashes,
    boolean pre,
    List<String> trustedHosts,
    List<String> features) {

  /** pip's default index. */
  public static final String DEFAULT_INDEX_URL = "https://pypi.org/simple";

  /**
   * Copies the lists and sets, so that the options stay immutable.
   *
   * @param indexUrls the index urls
   * @param noIndex the no index
   * @param findLinks the find links
   * @param noBinary the no binary
   * @param onlyBinary the only binary
   * @param preferBinary the prefer binary
   * @param requireHashes the require hashes
   * @param pre the pre
   * @param trustedHosts the trusted hosts
   * @param features the features
   */
  public GlobalOptions {
    indexUrls = List.copyOf(indexUrls);
    findLinks = List.copyOf(findLinks);
    noBinary = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(noBinary));
    onlyBinary = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(onlyBinary));
    trustedHosts = List.copyOf(trustedHosts);
    features = List.copyOf(features);
  }
}
