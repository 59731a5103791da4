package dev.refrain.spark;

import java.util.Arrays;
import org.apache.spark.Partitioner;

/**
 * Partitions by article number into the contiguous ranges the numbered articles sit in: range
 * {@code p} is numbers {@code starts[p]} to {@code starts[p + 1]} (exclusive). A key is an article
 * number ({@code Integer}) or a candidate pair ({@code Long}, by its first article), so a pair
 * lands where its first article's text already is.
 */
final class NumberRanges extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int[] starts;

  /** @param starts the first number of each range, ascending, starting with 0 */
  NumberRanges(int[] starts) {
    this.starts = starts.clone();
  }

  @Override
  public int numPartitions() {
    return starts.length;
  }

  @Override
  public int getPartition(Object key) {
    int article = key instanceof Long pair ? (int) (pair >>> 32) : (Integer) key;
    return of(article);
  }

  /** The range holding article {@code article}. */
  int of(int article) {
    int i = Arrays.binarySearch(starts, article);
    if (i >= 0) {
      // Empty ranges share a start: the last of them holds it.
      while (i + 1 < starts.length && starts[i + 1] == article) {
        i++;
      }
      return i;
    }
    return -i - 2;
  }

  /** The first number after range {@code p}, or {@code articles} for the last. */
  int end(int p, int articles) {
    return p + 1 < starts.length ? starts[p + 1] : articles;
  }

  int start(int p) {
    return starts[p];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberRanges r && Arrays.equals(r.starts, starts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts);
  }
}
