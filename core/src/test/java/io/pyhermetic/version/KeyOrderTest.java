package io.pyhermetic.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.pyhermetic.testdata.Gen;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyOrderTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0", "1, 1", "11, 1", "12, 2", "63, 6", "64, 7", "67, 7", "74, 7", "75, 8", "124, 12"
  })
  void countsTheRadixPassesOfAWidth(int width, int passes) {
    assertThat(KeyOrder.passes(width)).isEqualTo(passes);
  }

  @Test
  void sortsRowsStablyWhateverTheirSpreadAndRepetition() {
    Gen gen = Gen.seeded("key-order");
    for (int round = 0; round < 40; round++) {
      int n = 1 + gen.nextInt(3000);
      int words = 1 + gen.nextInt(4);
      int distinct = 1 + gen.nextInt(round % 2 == 0 ? 20 : 5000);
      long[][] pool = new long[words][distinct];
      for (long[] word : pool) {
        for (int d = 0; d < distinct; d++) {
          word[d] = randomKey(gen, round);
        }
      }
      long[][] rows = new long[words][n];
      for (int i = 0; i < n; i++) {
        int pick = gen.nextInt(distinct);
        for (int w = 0; w < words; w++) {
          rows[w][i] = pool[w][gen.chance(0.9) ? pick : gen.nextInt(distinct)];
        }
      }
      int[] expected = stableOrder(rows);
      assertThat(KeyOrder.of(rows)).as("round %d", round).containsExactly(expected);
      assertThat(KeyOrder.sortedOrder(KeyOrder.Chunks.pack(rows))).containsExactly(expected);
      int[] grouped = KeyOrder.grouped(rows, n);
      assertThat(grouped).containsExactly(expected);
    }
  }

  @Test
  void givesUpGroupingPastTheGivenNumberOfDistinctRows() {
    long[][] rows = {{5, 1, 5, 3, 1, Long.MAX_VALUE}, {0, 0, 0, 1, 0, 1L << 62}};
    assertThat(KeyOrder.grouped(rows, 3)).isNull();
    assertThat(KeyOrder.grouped(rows, 4)).containsExactly(1, 4, 3, 0, 2, 5);
    assertThat(KeyOrder.of(rows)).containsExactly(1, 4, 3, 0, 2, 5);
  }

  /** Small numbers, numbers with a few high bits and numbers of every width. */
  private static long randomKey(Gen gen, int round) {
    switch (round % 3) {
      case 0:
        return gen.nextInt(50);
      case 1:
        return ((long) gen.nextInt(4) << 60) | gen.nextInt(1000);
      default:
        return Long.MAX_VALUE >>> gen.nextInt(64);
    }
  }

  private static int[] stableOrder(long[][] rows) {
    int n = rows[0].length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Comparator<Integer> byRow =
        (a, b) -> {
          for (long[] word : rows) {
            int c = Long.compare(word[a], word[b]);
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    Arrays.sort(order, byRow); // stable
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
