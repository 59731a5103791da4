package dev.refrain.lsh;

import com.carrotsearch.hppc.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Proposes candidate pairs: articles sharing a fingerprint, found from the runs of a sorted
 * {@link FingerprintTable}.
 *
 * <p>A fingerprint held by more than {@code maxBucket} articles is a phrase too common to say
 * anything about one pair ("the state department said in a statement"); it proposes no pairs
 * and is counted as capped, which keeps the number of candidates near-linear in the number of
 * articles instead of quadratic. Template text is removed from the table before (see {@code
 * template}), so a footer carried by 10,000 articles proposes nothing at all rather than 5 * 10^7
 * pairs. Candidates are only proposals: every one is verified word by word.
 */
public final class CandidatePairs {
  private CandidatePairs() {}

  /**
   * The candidate pairs of a table.
   *
   * @param pairs each pair once, sorted; pair {@code (a, b)}, {@code a < b}, is {@code (long) a
   *     << 32 | b} (see {@link #encode})
   * @param sharedFingerprints for each pair, how many fingerprints its articles share
   * @param cappedFingerprints fingerprints held by more than {@code maxBucket} articles, which
   *     proposed nothing
   */
  public record Result(long[] pairs, int[] sharedFingerprints, int cappedFingerprints) {}

  /**
   * Finds the pairs of articles sharing at least one fingerprint held by at most {@code
   * maxBucket} articles, splitting the table over {@code pool}'s threads.
   */
  public static Result find(FingerprintTable table, int maxBucket, ExecutorService pool, int parts) {
    return find(table, maxBucket, pool, parts, HolderFilter.NONE);
  }

  /**
   * Which holders of a fingerprint count: template text holds its fingerprints without their
   * proposing anything. Asked only of fingerprints that could pair (held by two articles or
   * more), first of the fingerprint alone, so most are never asked of their holders.
   */
  public interface HolderFilter {
    /** Whether some holder of {@code key} may not count (else all do, unasked). */
    boolean mayDrop(long key);

    /** Whether {@code article}'s holding of {@code key} counts. */
    boolean keeps(int article, long key);

    /** Every holder counts. */
    HolderFilter NONE =
        new HolderFilter() {
          @Override
          public boolean mayDrop(long key) {
            return false;
          }

          @Override
          public boolean keeps(int article, long key) {
            return true;
          }
        };
  }

  /**
   * The candidate pairs of a table, its holders filtered by {@code filter}: pairs of articles
   * sharing a fingerprint that at most {@code maxBucket} kept holders hold.
   */
  public static Result find(
      FingerprintTable table, int maxBucket, ExecutorService pool, int parts, HolderFilter filter) {
    if (maxBucket < 2) {
      throw new IllegalArgumentException("maxBucket must be at least 2, was " + maxBucket);
    }
    int size = table.size();
    int n = Math.max(1, Math.min(parts, size / 4096 + 1));
    List<Future<Part>> futures = new ArrayList<>();
    int from = 0;
    for (int p = 1; p <= n; p++) {
      int to = p == n ? size : table.runStartAtOrAfter((int) ((long) size * p / n));
      int start = from;
      int end = Math.max(from, to);
      futures.add(pool.submit(() -> part(table, start, end, maxBucket, filter)));
      from = end;
    }
    LongArrayList all = new LongArrayList();
    int capped = 0;
    try {
      for (Future<Part> f : futures) {
        Part part = f.get();
        all.addAll(part.pairs());
        capped += part.capped();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("candidate search interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    long[] raw = all.toArray();
    all = null;
    Arrays.parallelSort(raw);
    int distinct = 0;
    int[] shared = new int[16];
    for (int i = 0; i < raw.length; ) {
      int j = i + 1;
      while (j < raw.length && raw[j] == raw[i]) {
        j++;
      }
      if (distinct == shared.length) {
        shared = Arrays.copyOf(shared, distinct * 2);
      }
      shared[distinct] = j - i;
      raw[distinct++] = raw[i];
      i = j;
    }
    return new Result(Arrays.copyOf(raw, distinct), Arrays.copyOf(shared, distinct), capped);
  }

  private record Part(LongArrayList pairs, int capped) {}

  private static Part part(
      FingerprintTable table, int from, int to, int maxBucket, HolderFilter filter) {
    LongArrayList out = new LongArrayList();
    int[] capped = {0};
    table.forEachRun(
        from,
        to,
        (key, holders, all) -> {
          int count = all;
          if (count >= 2 && filter.mayDrop(key)) {
            int kept = 0;
            for (int i = 0; i < all; i++) {
              if (filter.keeps(holders[i], key)) {
                holders[kept++] = holders[i];
              }
            }
            count = kept;
          }
          if (count > maxBucket) {
            capped[0]++;
            return;
          }
          for (int x = 0; x < count; x++) {
            long high = (long) holders[x] << 32;
            for (int y = x + 1; y < count; y++) {
              out.add(high | holders[y]);
            }
          }
        });
    return new Part(out, capped[0]);
  }

  public static long encode(int a, int b) {
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }

  public static int first(long pair) {
    return (int) (pair >>> 32);
  }

  public static int second(long pair) {
    return (int) pair;
  }
}
