package io.pyhermetic.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.io.file.PathUtils;

/** Medians, peak heap and scratch clean-up for the whole-run benchmarks. */
final class Measure {
  private Measure() {}

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Collects garbage and restarts the heap pools' peak counters. */
  static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The heap used at its peak since {@link #resetPeaks}, in MiB. */
  static long peakHeapMib() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }

  static void deleteTree(Path root) {
    try {
      PathUtils.deleteDirectory(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
