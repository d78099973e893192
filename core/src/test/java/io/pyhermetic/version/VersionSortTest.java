package io.pyhermetic.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.Gen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSortTest {

  /** Versions whose keys spread over every bit (epochs, large numbers) and repeat a lot. */
  private static final String[] WIDE = {
    "1.0",
    "1.0.0",
    "1.0+local",
    "1.0+LOCAL",
    "1.0+local.2",
    "1.0+local.10",
    "1!1.0",
    "15!1.0",
    "16!1.0",
    "99999999999999999999999.1",
    "99999999999999999999998.1",
    "1.99999999999999999999999",
    "1.2.3.4.5",
    "1.2.3.4.6",
    "1.2.3.4",
    "67108862.0",
    "67108863.0",
    "1.0a16383",
    "1.0a16384",
    "1.0.post4094",
    "1.0.post4095",
    "1.0.dev32767",
    "1.0.dev32766",
    "1.0rc1+ubuntu.20.04",
    "1.0rc1+ubuntu.20.4",
    "1.0rc1+ubuntu.20.04.1",
  };

  @Test
  void sortsRepeatedVersionsWithWideKeysByGrouping() {
    Gen gen = Gen.seeded("version-sort-wide");
    for (int round = 0; round < 10; round++) {
      List<Version> versions = new ArrayList<>();
      int n = 100 + gen.nextInt(3000);
      for (int i = 0; i < n; i++) {
        versions.add(Version.parse(gen.pick(WIDE)));
      }
      assertSortsLikeCollectionsSort(versions, round);
    }
  }

  @Test
  void sortsDistinctVersionsWithWideKeys() {
    Gen gen = Gen.seeded("version-sort-distinct");
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String text =
          gen.nextInt(20)
              + "!"
              + gen.nextInt(1 << 27)
              + "."
              + gen.nextInt(1 << 17)
              + "."
              + gen.nextInt(1 << 17)
              + (gen.chance(0.1) ? "+l" + gen.nextInt(3) : "");
      versions.add(Version.parse(gen.chance(0.05) ? gen.pick(WIDE) : text));
    }
    assertSortsLikeCollectionsSort(versions, 0);
  }

  @Test
  void ordersShortAndLongRunsOfLabelledVersions() {
    Gen gen = Gen.seeded("version-sort-labels");
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      String release = i % 2 == 0 ? "1.0" : gen.nextInt(500) + ".1";
      String label =
          gen.pick("ubuntu", "Ubuntu", "debian", "abcdefghij", "abcdefghijk", "7", "007", "")
              + gen.pick("", ".1", "-20_04", ".12345678901234", ".x.y");
      boolean bare = label.isEmpty() || label.startsWith(".") || label.startsWith("-");
      versions.add(Version.parse(bare ? release : release + "+" + label));
    }
    assertSortsLikeCollectionsSort(versions, 0);
  }

  private static void assertSortsLikeCollectionsSort(List<Version> versions, int round) {
    List<Version> expected = new ArrayList<>(versions);
    expected.sort(null);
    List<Version> actual = new ArrayList<>(versions);
    Version.sort(actual);
    for (int i = 0; i < actual.size(); i++) {
      // identity, not equality: the sort must be stable like Collections.sort
      assertThat(actual.get(i)).as("index %d, round %d", i, round).isSameAs(expected.get(i));
    }
  }
}
