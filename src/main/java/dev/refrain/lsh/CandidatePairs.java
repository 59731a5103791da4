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
  /**
   * Articles holding a fingerprint at most for it alone to make a pair of them a candidate. Two
   * articles that share one fingerprint and nothing else share one 5-word run, about; when many
   * articles hold that run it is a stock phrase of frequent words more often than a passage
   * (on a generated corpus of 10^5 articles, 230,000 of 288,000 candidates shared a single
   * fingerprint; the 601 of them that were truly reused all held it with at most 4 articles,
   * and at 10^6 articles such chance candidates outnumber the true pairs 14 to 1). A passage of
   * 16 words or more always shares two fingerprints, whatever its holders.
   */
  public static final int LONE_FINGERPRINT_MAX_HOLDERS = 8;

  private CandidatePairs() {}

  /**
   * The candidate rule, the same for a scan and a check: a pair of articles sharing {@code
   * shared} fingerprints (none above the bucket cap), the rarest of them held by {@code
   * rarestHolders} articles (both of the pair included), is compared.
   */
  public static boolean proposes(int shared, int rarestHolders) {
    return shared >= 2 || rarestHolders <= LONE_FINGERPRINT_MAX_HOLDERS;
  }

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
    LongArrayList rare = new LongArrayList();
    int capped = 0;
    try {
      for (Future<Part> f : futures) {
        Part part = f.get();
        all.addAll(part.pairs());
        rare.addAll(part.rare());
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
    long[] fromRare = rare.toArray();
    rare = null;
    Arrays.parallelSort(raw);
    Arrays.parallelSort(fromRare);
    // Each pair once, with how many fingerprints it shares (from either list); kept by the rule.
    int distinct = 0;
    int[] shared = new int[16];
    long[] out = new long[16];
    int i = 0;
    int r = 0;
    while (i < raw.length || r < fromRare.length) {
      long pair =
          r == fromRare.length || (i < raw.length && raw[i] < fromRare[r]) ? raw[i] : fromRare[r];
      int common = 0;
      while (i < raw.length && raw[i] == pair) {
        common++;
        i++;
      }
      int rareCount = 0;
      while (r < fromRare.length && fromRare[r] == pair) {
        rareCount++;
        r++;
      }
      int count = common + rareCount;
      if (!proposes(count, rareCount > 0 ? LONE_FINGERPRINT_MAX_HOLDERS : Integer.MAX_VALUE)) {
        continue;
      }
      if (distinct == shared.length) {
        shared = Arrays.copyOf(shared, distinct * 2);
        out = Arrays.copyOf(out, distinct * 2);
      }
      shared[distinct] = count;
      out[distinct++] = pair;
    }
    return new Result(Arrays.copyOf(out, distinct), Arrays.copyOf(shared, distinct), capped);
  }

  /**
   * The pairs a part of the table proposes: those from fingerprints held by more articles than
   * {@link #LONE_FINGERPRINT_MAX_HOLDERS}, and those from rarer ones.
   */
  private record Part(LongArrayList pairs, LongArrayList rare, int capped) {}

  private static Part part(
      FingerprintTable table, int from, int to, int maxBucket, HolderFilter filter) {
    LongArrayList common = new LongArrayList();
    LongArrayList rare = new LongArrayList();
    int[] capped = {0};
    PairSink sink =
        (a, b, holders) ->
            (holders <= LONE_FINGERPRINT_MAX_HOLDERS ? rare : common).add((long) a << 32 | b);
    table.forEachRun(
        from,
        to,
        (key, holders, all) -> {
          if (!pairsOf(key, holders, all, maxBucket, filter, sink)) {
            capped[0]++;
          }
        });
    return new Part(common, rare, capped[0]);
  }

  /** Receives the pairs one fingerprint proposes. */
  @FunctionalInterface
  public interface PairSink {
    /**
     * @param a the first article, {@code a < b}
     * @param b the second
     * @param holders how many (kept) articles hold the fingerprint, the pair's two included
     */
    void pair(int a, int b, int holders);
  }

  /**
   * The pairs one fingerprint proposes, the rule for one run of the table in one place (a
   * distributed job applies it to each key's holders): its holders, sorted and distinct in
   * {@code holders[0..count)}, are filtered in place by {@code filter}; more than {@code
   * maxBucket} kept holders propose nothing, else each pair of them goes to {@code sink}, once.
   * A pair is a candidate when {@link #proposes} holds for all the fingerprints it was given by.
   *
   * @return false when the fingerprint is capped (proposed nothing for having too many holders)
   */
  public static boolean pairsOf(
      long key, int[] holders, int count, int maxBucket, HolderFilter filter, PairSink sink) {
    int all = count;
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
      return false;
    }
    for (int x = 0; x < count; x++) {
      for (int y = x + 1; y < count; y++) {
        sink.pair(holders[x], holders[y], count);
      }
    }
    return true;
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
