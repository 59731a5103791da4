package dev.refrain.lsh;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongHashSet;
import dev.refrain.normalize.Hash64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Proposes candidate pairs: articles sharing a fingerprint, found from the runs of a sorted
 * {@link FingerprintTable}.
 *
 * <p>A fingerprint held by more than {@code maxBucket} articles is <em>capped</em>: all its pairs
 * would make the number of candidates quadratic in the number of articles. It proposes a
 * <em>star</em> instead, each holder paired with one {@linkplain #representative
 * representative} holder, so a passage 2,000 articles share is verified 1,999 times, once per
 * holder against the same article, and clusters as one passage of all of them, never dropped in
 * silence; the pairs of holders it did not propose are counted ({@link Caps}). A star pair obeys
 * the candidate rule like any other ({@link #proposes}): a lone stock phrase ("the state
 * department said in a statement") held by many articles proposes nothing. Template text is removed from the table before (see {@code
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
   * The representative of a capped fingerprint's holders, the one every other holder is paired
   * with: the holder whose {@code order} (its {@linkplain #idKey id key}) is least, ties to the
   * earlier holder. The same rule for a scan (articles numbered by id) and a check (archived
   * documents numbered as the index stored them), so a check of the archive compares an article
   * with the representative a scan of it pairs it with.
   *
   * @param holders the holders, in {@code holders[0..count)}, {@code count >= 1}
   * @return the index in {@code holders} of the representative
   */
  public static int representative(int[] holders, int count, IntToLongFunction order) {
    int best = 0;
    long bestKey = order.applyAsLong(holders[0]);
    for (int i = 1; i < count; i++) {
      long key = order.applyAsLong(holders[i]);
      if (key < bestKey) {
        best = i;
        bestKey = key;
      }
    }
    return best;
  }

  /**
   * The key an article's id orders it by among a capped fingerprint's holders: its seeded 64-bit
   * hash, independent of how articles are numbered (the index stores it with each article).
   */
  public static long idKey(String id) {
    return Hash64.hash(id, 0x1d_5eed_1d_5eedL);
  }

  /**
   * What the bucket cap left out of a candidate search.
   *
   * @param maxBucket most holders a fingerprint may have and propose all their pairs
   * @param fingerprints fingerprints held by more than {@code maxBucket} articles
   * @param articles distinct articles holding one of them
   * @param representativePairs candidate pairs that a capped fingerprint proposed as a star (a
   *     holder and the representative) and no uncapped one proposed
   * @param pairsNotCompared pairs of articles holding a capped fingerprint that were not
   *     compared, at most: the least of (pairs among the distinct holder sets of the capped
   *     fingerprints, summed) and (pairs among the affected articles less the candidates among
   *     them); exact when the capped fingerprints all have one set of holders (a passage, its
   *     holders, and nothing else capped)
   */
  public record Caps(
      int maxBucket, int fingerprints, int articles, int representativePairs, long pairsNotCompared) {
    /** Nothing capped. */
    public static Caps none(int maxBucket) {
      return new Caps(maxBucket, 0, 0, 0, 0);
    }
  }

  /**
   * The candidate rule, the same for a scan and a check: a pair of articles sharing {@code
   * shared} fingerprints (none above the bucket cap), the rarest of them held by {@code
   * rarestHolders} articles (both of the pair included), is compared.
   */
  public static boolean proposes(int shared, int rarestHolders) {
    return shared >= 2 || rarestHolders <= LONE_FINGERPRINT_MAX_HOLDERS;
  }

  /**
   * The rarest holders a pair proposed only by stars counts for {@link #proposes}: more than any
   * rare fingerprint's, whatever the cap (a capped fingerprint's holders are many, even under a
   * cap of 3), so a star pair is a candidate only when it shares two fingerprints or a rare one.
   */
  public static final int STAR_HOLDERS = Integer.MAX_VALUE;

  /**
   * A 64-bit hash of a capped fingerprint's holder set, {@code holders[0..count)} sorted: capped
   * fingerprints with the same holders count their pairs once in {@link Caps#pairsNotCompared}.
   */
  public static long holderSet(int[] holders, int count) {
    long set = count;
    for (int x = 0; x < count; x++) {
      set = Hash64.mix(set * 31 + holders[x]);
    }
    return set;
  }

  /**
   * {@link Caps#pairsNotCompared}: the least of {@code holderSetPairs} (pairs among the distinct
   * holder sets of the {@code capped} fingerprints, summed) and the pairs among the {@code
   * affected} articles less the {@code candidatesAmongAffected}; 0 when nothing was capped.
   */
  public static long pairsNotCompared(
      int capped, long holderSetPairs, long affected, long candidatesAmongAffected) {
    return capped == 0
        ? 0
        : Math.min(holderSetPairs, affected * (affected - 1) / 2 - candidatesAmongAffected);
  }

  /**
   * The candidate pairs of a table.
   *
   * @param pairs each pair once, sorted; pair {@code (a, b)}, {@code a < b}, is {@code (long) a
   *     << 32 | b} (see {@link #encode})
   * @param sharedFingerprints for each pair, how many fingerprints its articles share
   * @param cappedFingerprints fingerprints held by more than {@code maxBucket} articles, which
   *     proposed stars (as {@code caps.fingerprints()})
   * @param caps what the cap left out
   */
  public record Result(long[] pairs, int[] sharedFingerprints, int cappedFingerprints, Caps caps) {}

  /**
   * Finds the candidate pairs of a table (capped fingerprints proposing stars around their
   * lowest-numbered holder), splitting the table over {@code pool}'s threads.
   */
  public static Result find(FingerprintTable table, int maxBucket, ExecutorService pool, int parts) {
    return find(table, maxBucket, pool, parts, HolderFilter.NONE, a -> a);
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
   * The candidate pairs of a table, its holders filtered by {@code filter}, capped fingerprints
   * proposing stars around their lowest-numbered holder (callers whose articles are numbered by
   * id; else pass the {@linkplain #idKey id key} order).
   */
  public static Result find(
      FingerprintTable table, int maxBucket, ExecutorService pool, int parts, HolderFilter filter) {
    return find(table, maxBucket, pool, parts, filter, a -> a);
  }

  /**
   * The candidate pairs of a table, its holders filtered by {@code filter}: pairs of articles
   * sharing a fingerprint that at most {@code maxBucket} kept holders hold, and the star pairs of
   * those that more hold, around the {@linkplain #representative representative} by {@code
   * order} (an article's {@linkplain #idKey id key}).
   */
  public static Result find(
      FingerprintTable table, int maxBucket, ExecutorService pool, int parts, HolderFilter filter,
      IntToLongFunction order) {
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
      futures.add(pool.submit(() -> part(table, start, end, maxBucket, filter, order)));
      from = end;
    }
    LongArrayList all = new LongArrayList();
    LongArrayList rare = new LongArrayList();
    LongArrayList star = new LongArrayList();
    int capped = 0;
    BitSet affected = new BitSet();
    LongHashSet holderSets = new LongHashSet();
    long capSetPairs = 0;
    try {
      for (Future<Part> f : futures) {
        Part part = f.get();
        all.addAll(part.pairs());
        rare.addAll(part.rare());
        star.addAll(part.star());
        capped += part.capped();
        affected.or(part.affected());
        for (int k = 0; k < part.capSets().size(); k++) {
          if (holderSets.add(part.capSets().get(k))) {
            long c = part.capHolders().get(k);
            capSetPairs += c * (c - 1) / 2;
          }
        }
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
    long[] fromStar = star.toArray();
    star = null;
    Arrays.parallelSort(raw);
    Arrays.parallelSort(fromRare);
    Arrays.parallelSort(fromStar);
    // Each pair once, with how many fingerprints it shares (from any list); kept by the rule.
    int distinct = 0;
    int[] shared = new int[16];
    long[] out = new long[16];
    int i = 0;
    int r = 0;
    int s = 0;
    int starPairs = 0;
    long amongAffected = 0;
    while (i < raw.length || r < fromRare.length || s < fromStar.length) {
      long pair = Long.MAX_VALUE;
      if (i < raw.length) {
        pair = raw[i];
      }
      if (r < fromRare.length && fromRare[r] < pair) {
        pair = fromRare[r];
      }
      if (s < fromStar.length && fromStar[s] < pair) {
        pair = fromStar[s];
      }
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
      int starCount = 0;
      while (s < fromStar.length && fromStar[s] == pair) {
        starCount++;
        s++;
      }
      int count = common + rareCount + starCount;
      if (!proposes(count, rareCount > 0 ? LONE_FINGERPRINT_MAX_HOLDERS : STAR_HOLDERS)) {
        continue;
      }
      if (starCount == count) {
        starPairs++;
      }
      if (capped > 0 && affected.get(first(pair)) && affected.get(second(pair))) {
        amongAffected++;
      }
      if (distinct == shared.length) {
        shared = Arrays.copyOf(shared, distinct * 2);
        out = Arrays.copyOf(out, distinct * 2);
      }
      shared[distinct] = count;
      out[distinct++] = pair;
    }
    long a = affected.cardinality();
    long notCompared = pairsNotCompared(capped, capSetPairs, a, amongAffected);
    Caps caps = new Caps(maxBucket, capped, (int) a, starPairs, notCompared);
    return new Result(Arrays.copyOf(out, distinct), Arrays.copyOf(shared, distinct), capped, caps);
  }

  /**
   * The pairs a part of the table proposes: those from fingerprints held by more articles than
   * {@link #LONE_FINGERPRINT_MAX_HOLDERS}, those from rarer ones, and the stars of capped ones;
   * the capped fingerprints' holders ({@code affected}), and a hash of each one's holder set
   * with its size.
   */
  private record Part(
      LongArrayList pairs, LongArrayList rare, LongArrayList star, int capped, BitSet affected,
      LongArrayList capSets, IntArrayList capHolders) {}

  private static Part part(
      FingerprintTable table, int from, int to, int maxBucket, HolderFilter filter,
      IntToLongFunction order) {
    LongArrayList common = new LongArrayList();
    LongArrayList rare = new LongArrayList();
    LongArrayList star = new LongArrayList();
    BitSet affected = new BitSet();
    LongArrayList capSets = new LongArrayList();
    IntArrayList capHolders = new IntArrayList();
    int[] capped = {0};
    PairSink sink =
        (a, b, holders) ->
            (holders <= LONE_FINGERPRINT_MAX_HOLDERS ? rare : common).add((long) a << 32 | b);
    table.forEachRun(
        from,
        to,
        (key, holders, all) -> {
          int count = pairsOf(key, holders, all, maxBucket, filter, sink);
          if (count > maxBucket) {
            capped[0]++;
            for (int x = 0; x < count; x++) {
              affected.set(holders[x]);
            }
            capSets.add(holderSet(holders, count));
            capHolders.add(count);
            star(holders, count, order, star);
          }
        });
    return new Part(common, rare, star, capped[0], affected, capSets, capHolders);
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
   * maxBucket} kept holders propose nothing here (the fingerprint is capped: its holders, still
   * in {@code holders[0..kept)}, propose their {@link #star} instead), else each pair of them goes
   * to {@code sink}, once. A pair is a candidate when {@link #proposes} holds for all the
   * fingerprints it was given by.
   *
   * @return how many holders were kept; more than {@code maxBucket} when capped
   */
  public static int pairsOf(
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
      return count;
    }
    for (int x = 0; x < count; x++) {
      for (int y = x + 1; y < count; y++) {
        sink.pair(holders[x], holders[y], count);
      }
    }
    return count;
  }

  /**
   * The star a capped fingerprint proposes: each of its holders {@code holders[0..count)} paired
   * with its representative (the holder first by {@code order}), encoded, into {@code out}.
   */
  public static void star(int[] holders, int count, IntToLongFunction order, LongArrayList out) {
    int rep = holders[representative(holders, count, order)];
    for (int x = 0; x < count; x++) {
      if (holders[x] != rep) {
        out.add(encode(rep, holders[x]));
      }
    }
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
