package dev.refrain.align;

import dev.refrain.normalize.Tokens;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the passages two articles share, exactly: every candidate pair from LSH is checked here
 * word by word, so an LSH false positive never reaches a report.
 *
 * <ol>
 *   <li><b>Seeds</b>: shingles of a found in b by hash, then compared word by word (a hash
 *       collision is dropped). A shingle that occurs more than {@value
 *       RepetitiveText#MAX_OCCURRENCES} times in either article is too repetitive to locate
 *       anything and is skipped, and its words match nothing ({@link RepetitiveText}): each
 *       shingle yields at most {@value RepetitiveText#MAX_OCCURRENCES} candidate matches, so the
 *       seeds are linear in the articles' lengths whatever their text.
 *   <li><b>Blocks</b>: seeds on one diagonal at consecutive positions merge into maximal exact
 *       runs of words.
 *   <li><b>Chains</b>: blocks in order on both sides, with at most {@code maxGap} differing words
 *       between them on either side, join into one passage; so a reworded quote is one passage,
 *       not three fragments. Among several chains a block could extend, it joins the one it
 *       leaves the smallest and most even gap to.
 *   <li><b>Extension</b>: each passage grows over nearby shorter exact runs (2 words within 3
 *       words of its edge, 3 words within {@code maxGap}), which catch shared phrases shorter
 *       than a shingle ("challenge of the century" next to a shared sentence).
 *   <li><b>Scoring</b>: words matched are the words inside blocks plus the longest common
 *       subsequence of each gap; {@code similarity = 2 * matched / (wordsA + wordsB)}. Passages
 *       under {@code minWords} on either side or under {@code minSimilarity} are dropped, and each
 *       stretch of text is aligned once: a passage more than half of whose words on either side
 *       belong to a passage with more matched words is dropped.
 * </ol>
 *
 * <p>Aligning an article with itself finds passages repeated inside it: the b side then starts
 * after the a side ends. Immutable and thread-safe.
 */
public final class PassageAligner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A shingle found more often than this in either article locates nothing. */
  static final int MAX_OCCURRENCES = RepetitiveText.MAX_OCCURRENCES;

  /**
   * The most short runs a chain grows over at each end. Growing stops sooner in news text (on
   * Reuters-21578 and the eval corpora the most was 42); in text of a few words in random order
   * it would go on over the whole article, for every chain, which is quadratic work.
   */
  static final int MAX_EXTENSIONS = 64;

  /** How far, in words, a passage's end may move out to a sentence or quotation boundary. */
  static final int SNAP_WORDS = 6;

  /** The most words a snap may add on one side when the other side adds none. */
  static final int SNAP_ONE_SIDED = 2;

  private final AlignOptions options;

  public PassageAligner(AlignOptions options) {
    this.options = options;
  }

  public AlignOptions options() {
    return options;
  }

  /** The passages {@code a} and {@code b} share, sorted by their start in a, then in b. */
  public List<Passage> align(AlignedText a, AlignedText b) {
    return align(a, NO_MASK, b, NO_MASK);
  }

  /**
   * The work one alignment did, counted, so that tests and benchmarks can bound it by the
   * articles' lengths instead of by time. Not thread-safe: one per call.
   */
  public static final class Work {
    private long matchesExamined;
    private long wordComparisons;
    private long chainsTried;
    private long overlapSteps;

    /** Candidate matches: pairs of positions of one shingle, one in each article, compared. */
    public long matchesExamined() {
      return matchesExamined;
    }

    /** Words compared while growing passages over short exact runs near their edges. */
    public long wordComparisons() {
      return wordComparisons;
    }

    /** Chains a block was tried against while joining blocks into chains. */
    public long chainsTried() {
      return chainsTried;
    }

    /** Steps taken to keep each stretch of text in one passage (tree updates and queries). */
    public long overlapSteps() {
      return overlapSteps;
    }

    /** Everything counted. */
    public long total() {
      return matchesExamined + wordComparisons + chainsTried + overlapSteps;
    }
  }

  /** No masked words. */
  private static final int[] NO_MASK = new int[0];

  /** Stands in for a masked word of side a: never equal to a word of b, or to another of a. */
  private static final long MASKED_A = 0x8000_0000_0000_0000L;

  /** Stands in for a masked word of side b. */
  private static final long MASKED_B = 0xC000_0000_0000_0000L;

  /**
   * The passages {@code a} and {@code b} share outside their masked words, sorted by their start
   * in a, then in b. A mask is sorted, non-overlapping word ranges {@code [from0, to0, from1, to1,
   * ...]} (template text): a masked word matches nothing, so no passage holds one, and passages
   * never grow or snap across one.
   */
  public List<Passage> align(AlignedText a, int[] maskA, AlignedText b, int[] maskB) {
    return align(a, maskA, b, maskB, new Work());
  }

  /** {@link #align(AlignedText, int[], AlignedText, int[])}, counting its work in {@code work}. */
  public List<Passage> align(
      AlignedText a, int[] maskA, AlignedText b, int[] maskB, Work work) {
    boolean self = a == b;
    int[] repeatedA = a.repetitive().ranges();
    long[] wa = words(a.tokens(), maskA, repeatedA, MASKED_A);
    long[] wb =
        self && maskA == maskB && maskA.length == 0 && repeatedA.length == 0
            ? wa
            : words(b.tokens(), maskB, b.repetitive().ranges(), MASKED_B);
    List<int[]> blocks = blocks(a, wa, b, wb, self, work);
    if (blocks.isEmpty()) {
      return List.of();
    }
    List<List<int[]>> chains = chain(blocks, work);
    List<Passage> found = new ArrayList<>();
    for (List<int[]> chain : chains) {
      extend(chain, wa, wb, work);
      int[] core = {chain.get(0)[0], last(chain)[1], chain.get(0)[2], last(chain)[3]};
      Passage p = score(chain, core, a.tokens(), wa, b.tokens(), wb);
      if (p.wordsA() < options.minWords()
          || p.wordsB() < options.minWords()
          || p.similarity() < options.minSimilarity()) {
        continue;
      }
      // Thresholds hold on the aligned core; snapping to sentence ends only shows more of it.
      Passage snapped = score(chain, snap(chain, a, wa, b, wb), a.tokens(), wa, b.tokens(), wb);
      if (!self || snapped.aToWord() <= snapped.bFromWord()) {
        found.add(snapped);
      } else if (p.aToWord() <= p.bFromWord()) {
        found.add(p);
      }
    }
    return removeOverlaps(found, work);
  }

  /**
   * The words of {@code t} as compared: their hashes, masked ones (template text, and text
   * repeated too often) replaced by unique values.
   */
  private static long[] words(Tokens t, int[] mask, int[] repeated, long masked) {
    if (mask.length == 0 && repeated.length == 0) {
      return t.hashes();
    }
    long[] w = t.hashes().clone();
    for (int[] ranges : new int[][] {mask, repeated}) {
      for (int r = 0; r < ranges.length; r += 2) {
        for (int i = ranges[r]; i < Math.min(ranges[r + 1], w.length); i++) {
          w[i] = masked | i;
        }
      }
    }
    return w;
  }

  /**
   * Maximal exact runs of shared words, as {aFrom, aTo, bFrom, bTo} word ranges. The shared
   * shingles come from merging the two articles' sorted shingle arrays: linear in their sizes.
   */
  private List<int[]> blocks(
      AlignedText a, long[] wa, AlignedText b, long[] wb, boolean self, Work work) {
    int k = options.shingleSize();
    long[] ta = a.sortedShingles();
    long[] tb = b.sortedShingles();
    long maskA = a.keyMask();
    long maskB = b.keyMask();
    long key = ~(maskA | maskB);
    int na = a.shingles().length;
    long[] seeds = new long[Math.max(16, na)];
    int count = 0;
    long offset = b.shingles().length;
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      long ka = ta[i] & key;
      long kb = tb[j] & key;
      if (ka < kb) {
        i++;
        continue;
      }
      if (ka > kb) {
        j++;
        continue;
      }
      int ie = i + 1;
      while (ie < ta.length && (ta[ie] & key) == ka) {
        ie++;
      }
      int je = j + 1;
      while (je < tb.length && (tb[je] & key) == kb) {
        je++;
      }
      // Over the limit on either side, the shingle's words are masked (RepetitiveText): skipped.
      if (ie - i <= MAX_OCCURRENCES && je - j <= MAX_OCCURRENCES) {
        work.matchesExamined += (long) (ie - i) * (je - j);
        for (int x = i; x < ie; x++) {
          int pa = (int) (ta[x] & maskA);
          for (int y = j; y < je; y++) {
            int pb = (int) (tb[y] & maskB);
            if ((self && pb <= pa) || !sameWords(wa, pa, wb, pb, k)) {
              continue;
            }
            if (count == seeds.length) {
              seeds = Arrays.copyOf(seeds, count * 2);
            }
            // Diagonal (pb - pa, shifted to be non-negative) in the high bits, pa in the low.
            seeds[count++] = (pb - pa + offset + na) << 32 | pa;
          }
        }
      }
      i = ie;
      j = je;
    }
    Arrays.sort(seeds, 0, count);
    List<int[]> blocks = new ArrayList<>();
    int[] current = null;
    long currentDiagonal = -1;
    for (int s = 0; s < count; s++) {
      long diagonal = seeds[s] >>> 32;
      int x = (int) seeds[s];
      int y = (int) (diagonal - offset - na) + x;
      if (current != null && diagonal == currentDiagonal && x == current[1] - k + 1) {
        current[1]++;
        current[3]++;
      } else {
        current = new int[] {x, x + k, y, y + k};
        currentDiagonal = diagonal;
        blocks.add(current);
      }
    }
    blocks.sort(Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[2]));
    return blocks;
  }

  private static boolean sameWords(long[] a, int i, long[] b, int j, int k) {
    for (int x = 0; x < k; x++) {
      if (a[i + x] != b[j + x]) {
        return false;
      }
    }
    return true;
  }

  /** Joins blocks, sorted by their start in a, into chains in order on both sides. */
  private List<List<int[]>> chain(List<int[]> blocks, Work work) {
    int maxGap = options.maxGap();
    int overlap = options.shingleSize() - 1;
    List<List<int[]>> chains = new ArrayList<>();
    List<List<int[]>> open = new ArrayList<>();
    for (int[] block : blocks) {
      open.removeIf(c -> last(c)[1] + maxGap < block[0]);
      work.chainsTried += open.size();
      List<int[]> best = null;
      int bestCost = Integer.MAX_VALUE;
      for (List<int[]> c : open) {
        int[] end = last(c);
        int gapA = block[0] - end[1];
        int gapB = block[2] - end[3];
        boolean forward =
            block[0] > end[0] && block[2] > end[2] && block[1] > end[1] && block[3] > end[3];
        if (!forward || gapA > maxGap || gapB > maxGap || gapA < -overlap || gapB < -overlap) {
          continue;
        }
        int cost = Math.max(Math.abs(gapA), Math.abs(gapB)) + Math.abs(gapA - gapB);
        if (cost < bestCost) {
          bestCost = cost;
          best = c;
        }
      }
      if (best == null) {
        best = new ArrayList<>();
        chains.add(best);
        open.add(best);
      }
      best.add(block);
    }
    return chains;
  }

  private static int[] last(List<int[]> chain) {
    return chain.get(chain.size() - 1);
  }

  /** Grows a chain at both ends over short exact runs near its edges. */
  private void extend(List<int[]> chain, long[] a, long[] b, Work work) {
    int maxGap = options.maxGap();
    long compared = 0;
    for (int steps = 0; steps < MAX_EXTENSIONS; steps++) {
      int[] first = chain.get(0);
      int[] run = null;
      int bestCost = Integer.MAX_VALUE;
      for (int da = 1; da <= maxGap + 1; da++) {
        for (int db = 1; db <= maxGap + 1; db++) {
          int ia = first[0] - da;
          int jb = first[2] - db;
          compared++;
          if (ia < 0 || jb < 0 || a[ia] != b[jb]) {
            continue;
          }
          int length = 1;
          while (ia - length >= 0
              && jb - length >= 0
              && a[ia - length] == b[jb - length]) {
            length++;
          }
          compared += length;
          int cost = Math.max(da, db) - 1 + Math.abs(da - db);
          if (length >= minRun(da, db) && cost < bestCost) {
            bestCost = cost;
            run = new int[] {ia - length + 1, ia + 1, jb - length + 1, jb + 1};
          }
        }
      }
      if (run == null) {
        break;
      }
      chain.add(0, run);
    }
    for (int steps = 0; steps < MAX_EXTENSIONS; steps++) {
      int[] end = last(chain);
      int[] run = null;
      int bestCost = Integer.MAX_VALUE;
      for (int da = 0; da <= maxGap; da++) {
        for (int db = 0; db <= maxGap; db++) {
          int ia = end[1] + da;
          int jb = end[3] + db;
          compared++;
          if (ia >= a.length || jb >= b.length || a[ia] != b[jb]) {
            continue;
          }
          int length = 1;
          while (ia + length < a.length
              && jb + length < b.length
              && a[ia + length] == b[jb + length]) {
            length++;
          }
          compared += length;
          int cost = Math.max(da, db) + Math.abs(da - db);
          if (length >= minRun(da + 1, db + 1) && cost < bestCost) {
            bestCost = cost;
            run = new int[] {ia, ia + length, jb, jb + length};
          }
        }
      }
      if (run == null) {
        break;
      }
      chain.add(run);
    }
    work.wordComparisons += compared;
  }

  /** Runs right at the edge may be 2 words; runs further out need 3 to be more than chance. */
  private static int minRun(int da, int db) {
    return Math.max(da, db) <= 3 ? 2 : 3;
  }

  /**
   * The passage's word bounds {aFrom, aTo, bFrom, bTo}: the chain's, each end moved out to the
   * sentence or quotation boundary when both sides reach one within {@value #SNAP_WORDS} words
   * (and {@code maxGap}). A quote reworded at its end ("making progress or bringing about
   * transformations" against "making breakthroughs or transformation there") is then shown
   * whole, its variant wording diffed.
   */
  private int[] snap(List<int[]> chain, AlignedText a, long[] wa, AlignedText b, long[] wb) {
    int limit = Math.min(SNAP_WORDS, options.maxGap());
    int aFrom = chain.get(0)[0];
    int bFrom = chain.get(0)[2];
    int aTo = last(chain)[1];
    int bTo = last(chain)[3];
    int da = 0;
    while (da <= limit && aTo - 1 + da < a.tokens().size() && !a.boundaryAfter(aTo - 1 + da)) {
      da++;
    }
    int db = 0;
    while (db <= limit && bTo - 1 + db < b.tokens().size() && !b.boundaryAfter(bTo - 1 + db)) {
      db++;
    }
    if (da <= limit && db <= limit && related(wa, aTo, aTo + da, wb, bTo, bTo + db)) {
      aTo += da;
      bTo += db;
    }
    da = 0;
    while (da <= limit && aFrom - da >= 0 && !a.boundaryBefore(aFrom - da)) {
      da++;
    }
    db = 0;
    while (db <= limit && bFrom - db >= 0 && !b.boundaryBefore(bFrom - db)) {
      db++;
    }
    if (da <= limit
        && db <= limit
        && aFrom - da >= 0
        && bFrom - db >= 0
        && related(wa, aFrom - da, aFrom, wb, bFrom - db, bFrom)) {
      aFrom -= da;
      bFrom -= db;
    }
    return new int[] {aFrom, aTo, bFrom, bTo};
  }

  /**
   * Whether the words a snap would add belong to the passage: the two additions share a word, or
   * one side adds nothing and the other at most {@value #SNAP_ONE_SIDED} words. Unrelated words
   * before a shared quote ("w1 w2 w3 We are not going...") stay out.
   */
  private static boolean related(long[] a, int aFrom, int aTo, long[] b, int bFrom, int bTo) {
    if (anyMasked(a, aFrom, aTo) || anyMasked(b, bFrom, bTo)) {
      return false;
    }
    int addA = aTo - aFrom;
    int addB = bTo - bFrom;
    if (addA == 0 || addB == 0) {
      return addA + addB <= SNAP_ONE_SIDED;
    }
    return lcs(a, aFrom, aTo, b, bFrom, bTo) > 0;
  }

  /** Whether words {@code from..to} hold a masked one. */
  private static boolean anyMasked(long[] w, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isMasked(w[i], i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code w}, word {@code i} as compared, is the stand-in of a masked word. */
  private static boolean isMasked(long w, int i) {
    return w == (MASKED_A | i) || w == (MASKED_B | i);
  }

  private Passage score(
      List<int[]> chain, int[] bounds, Tokens a, long[] wa, Tokens b, long[] wb) {
    int aFrom = bounds[0];
    int aTo = bounds[1];
    int bFrom = bounds[2];
    int bTo = bounds[3];
    int[] head = chain.get(0);
    int[] tail = last(chain);
    int edgeMatches =
        lcs(wa, aFrom, head[0], wb, bFrom, head[2]) + lcs(wa, tail[1], aTo, wb, tail[3], bTo);
    int coveredA = 0;
    int coveredB = 0;
    int reachA = aFrom;
    int reachB = bFrom;
    int gapMatches = 0;
    int[] previous = null;
    for (int[] block : chain) {
      coveredA += Math.max(0, block[1] - Math.max(block[0], reachA));
      coveredB += Math.max(0, block[3] - Math.max(block[2], reachB));
      if (previous != null && block[0] > previous[1] && block[2] > previous[3]) {
        gapMatches += lcs(wa, previous[1], block[0], wb, previous[3], block[2]);
      }
      reachA = Math.max(reachA, block[1]);
      reachB = Math.max(reachB, block[3]);
      previous = block;
    }
    int matched = Math.min(coveredA, coveredB) + gapMatches + edgeMatches;
    int words = (aTo - aFrom) + (bTo - bFrom);
    matched = Math.min(matched, Math.min(aTo - aFrom, bTo - bFrom));
    double similarity = words == 0 ? 0 : 2.0 * matched / words;
    return new Passage(
        aFrom,
        aTo,
        bFrom,
        bTo,
        a.start(aFrom),
        a.end(aTo - 1),
        b.start(bFrom),
        b.end(bTo - 1),
        matched,
        similarity);
  }

  /** Length of the longest common subsequence of two short word ranges. */
  static int lcs(long[] a, int aFrom, int aTo, long[] b, int bFrom, int bTo) {
    int n = aTo - aFrom;
    int m = bTo - bFrom;
    int[] row = new int[m + 1];
    for (int x = 1; x <= n; x++) {
      int diagonal = 0;
      for (int y = 1; y <= m; y++) {
        int above = row[y];
        row[y] =
            a[aFrom + x - 1] == b[bFrom + y - 1]
                ? diagonal + 1
                : Math.max(row[y], row[y - 1]);
        diagonal = above;
      }
    }
    return row[m];
  }

  /**
   * Aligns each stretch of text once: going from the most matched words down, a passage is kept
   * unless more than half of its words on either side already belong to kept passages (a word in
   * two kept passages counts twice). Text repeated in one article (a definition quoted twice, a
   * pull quote) then pairs with its best counterpart in the other, not with every copy. How many
   * kept passages hold each word is kept in two Fenwick trees, one a side, so each passage costs
   * O(log n) steps, not one per passage kept before it.
   */
  private static List<Passage> removeOverlaps(List<Passage> found, Work work) {
    found.sort(
        Comparator.comparingInt(Passage::matchedWords)
            .reversed()
            .thenComparingInt(Passage::aFromWord)
            .thenComparingInt(Passage::bFromWord));
    int wordsA = 0;
    int wordsB = 0;
    for (Passage p : found) {
      wordsA = Math.max(wordsA, p.aToWord());
      wordsB = Math.max(wordsB, p.bToWord());
    }
    Coverage takenA = new Coverage(wordsA);
    Coverage takenB = new Coverage(wordsB);
    List<Passage> kept = new ArrayList<>();
    for (Passage p : found) {
      long inA = takenA.sum(p.aFromWord(), p.aToWord());
      long inB = takenB.sum(p.bFromWord(), p.bToWord());
      if (2 * inA <= p.wordsA() && 2 * inB <= p.wordsB()) {
        kept.add(p);
        takenA.add(p.aFromWord(), p.aToWord());
        takenB.add(p.bFromWord(), p.bToWord());
      }
    }
    work.overlapSteps += takenA.steps + takenB.steps;
    kept.sort(
        Comparator.comparingInt(Passage::aFromWord).thenComparingInt(Passage::bFromWord));
    return kept;
  }

  /**
   * How many ranges cover each word, added a range at a time and summed over a range, each in
   * O(log n): a Fenwick tree over the differences, kept as two (range update, range query).
   */
  private static final class Coverage {
    private final long[] d;
    private final long[] id;
    private long steps;

    Coverage(int words) {
      d = new long[words + 2];
      id = new long[words + 2];
    }

    /** One more range covers words {@code from..to}. */
    void add(int from, int to) {
      point(from, 1);
      point(to, -1);
    }

    /** The sum, over words {@code from..to}, of the ranges covering each. */
    long sum(int from, int to) {
      return prefix(to) - prefix(from);
    }

    private void point(int at, long delta) {
      for (int i = at + 1; i < d.length; i += i & -i) {
        d[i] += delta;
        id[i] += delta * at;
        steps++;
      }
    }

    /** The sum over words {@code 0..to}. */
    private long prefix(int to) {
      long s = 0;
      long t = 0;
      for (int i = to; i > 0; i -= i & -i) {
        s += d[i];
        t += id[i];
        steps++;
      }
      return s * to - t;
    }
  }
}
