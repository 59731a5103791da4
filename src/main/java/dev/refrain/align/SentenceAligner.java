package dev.refrain.align;

import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.Tokens;
import dev.refrain.quote.StemOverlap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the reworded sentences two articles share beside the passages {@link PassageAligner}
 * found: a translation or rewrite of one story keeps a sentence's words but rarely a run of
 * five of them. Which pairs it reads is the kernel's rule ({@code kernel.RewordEvidence}): those
 * sharing a passage, and candidates with more evidence than a chance phrase.
 *
 * <ol>
 *   <li><b>Sentences</b>: each article's words split where a sentence or quotation ends ({@link
 *       AlignedText#boundaryAfter}); a sentence holding a template (masked) word, one more than
 *       half of whose words lie in a passage found before, or one under {@code minWords} words
 *       is left out; the words of a found passage at a sentence's edge are cut off.
 *   <li><b>Overlap</b>: the sentences of both articles weighed as {@link StemOverlap} weighs
 *       texts (Snowball stems, IDF among these sentences, a stop word a tenth); two sentences
 *       are aligned when they share {@value #MIN_SHARED_STEMS} stems that are not stop words and
 *       the IDF-weighted Dice overlap of their stems reaches {@value #MIN_DICE}. Each article
 *       is stemmed once ({@link AlignedText#stems}), and a sentence is weighed only against
 *       those of the other article sharing one of its stems that are not stop words ({@link
 *       StemOverlap.Texts#aligned}): the same pairs as weighing every sentence against every
 *       other, at a cost that follows the stems shared.
 *   <li><b>Regions</b>: up to {@value #MAX_REGIONS} local alignments of the two sentences'
 *       stems (Smith-Waterman: a shared stem scores {@value #CONTENT_MATCH}, a shared stop word
 *       {@value #STOP_MATCH}, a changed, dropped or added word costs {@value #GAP}), each found
 *       with the words of those before it as barriers. A region of {@code minWords} words or
 *       more on each side, holding {@value #MIN_SHARED_STEMS} shared stems that are not stop
 *       words, whose shared stems are at least {@value #MIN_SIMILARITY} of its words ({@code 2 *
 *       matched / (wordsA + wordsB)}), is a passage; best score first, a region overlapping one
 *       kept on either side is dropped. Its matched words are the longest common subsequence of
 *       the two sides' normalized words.
 *   <li><b>Reordered clauses</b>: a rewrite moves clauses about ("met Jake Sullivan ... in
 *       Vienna in May" for "held in Vienna in May between ... Jake Sullivan"), so a sentence's
 *       regions can each be too short while together they are the sentence. Two regions or more
 *       of one pair of sentences that are no passage alone, each holding a shared stem that is
 *       not a stop word, are taken together (the span from the first word of any to the last of
 *       any, on each side; their shared stems summed) when the two sentences' overlap reaches
 *       {@value #MIN_REORDERED_DICE}, and obey the same tests as one region.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class SentenceAligner implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Stems two sentences must share, stop words aside. */
  static final int MIN_SHARED_STEMS = 4;

  /**
   * The IDF-weighted Dice overlap of exact stems ({@link StemOverlap.Texts#aligned}) two whole
   * sentences must reach before they are aligned.
   */
  static final double MIN_DICE = 0.2;

  /**
   * The exact-stem Dice overlap two sentences must reach for their short regions to be one
   * passage taken together (reordered clauses), above the {@value #MIN_DICE} that has them
   * aligned at all.
   */
  static final double MIN_REORDERED_DICE = 0.3;

  /** The share of words two sides' stems match, {@code 2 * matched / (wordsA + wordsB)}. */
  static final double MIN_SIMILARITY = 0.5;

  /** What a shared stem that is not a stop word scores in a local alignment. */
  static final double CONTENT_MATCH = 2.0;

  /** What a shared stop word scores in a local alignment. */
  static final double STOP_MATCH = 0.5;

  /** What a changed, dropped or added word costs a local alignment. */
  static final double GAP = 0.5;

  /** The most regions one pair of sentences yields, best first. */
  static final int MAX_REGIONS = 3;

  /** The most words of a sentence compared; a longer "sentence" is a list or a table. */
  static final int MAX_SENTENCE_WORDS = 120;

  private final int minWords;

  /** @param minWords the fewest words a sentence (and a passage) has on each side */
  public SentenceAligner(int minWords) {
    this.minWords = minWords;
  }

  /**
   * The reworded passages of {@code a} and {@code b} outside their masks and the passages {@code
   * found} (none, for a pair that shares only reworded sentences), sorted by their start in a.
   */
  public List<Passage> reworded(
      AlignedText a, int[] maskA, AlignedText b, int[] maskB, List<Passage> found) {
    return reworded(a, maskA, b, maskB, found, null);
  }

  /**
   * {@link #reworded(AlignedText, int[], AlignedText, int[], List)}, an article not stemmed yet
   * stemmed through {@code cache} (null: none); the same passages either way.
   */
  public List<Passage> reworded(
      AlignedText a, int[] maskA, AlignedText b, int[] maskB, List<Passage> found,
      StemCache cache) {
    List<int[]> sa = sentences(a, maskA, found, true);
    List<int[]> sb = sentences(b, maskB, found, false);
    if (sa.isEmpty() || sb.isEmpty()) {
      return List.of();
    }
    StemOverlap.Texts texts = new StemOverlap.Texts(a.stems(cache), b.stems(cache));
    for (int[] s : sa) {
      texts.add(0, a.text(), a.tokens().start(s[0]), a.tokens().end(s[1] - 1));
    }
    for (int[] s : sb) {
      texts.add(1, b.text(), b.tokens().start(s[0]), b.tokens().end(s[1] - 1));
    }
    texts.weigh();
    // Stems as numbers, and each word of a its score when matched, for the local alignments.
    int[][] idsB = new int[sb.size()][];
    int longest = 0;
    int longestB = 0;
    for (int[] s : sa) {
      longest = Math.max(longest, s[1] - s[0]);
    }
    for (int j = 0; j < sb.size(); j++) {
      idsB[j] = words(texts, 1, sb.get(j));
      longestB = Math.max(longestB, idsB[j].length);
    }
    double[] work = new double[(longest + 1) * (longestB + 1)];
    List<int[]> regions = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < sa.size(); i++) {
      int[] aligned = texts.aligned(i, MIN_SHARED_STEMS, MIN_DICE);
      if (aligned.length == 0) {
        continue;
      }
      int[] idsA = words(texts, 0, sa.get(i));
      double[] scoresA = new double[idsA.length];
      for (int w = 0; w < idsA.length; w++) {
        scoresA[w] = texts.content(i, idsA[w]) ? CONTENT_MATCH : STOP_MATCH;
      }
      for (int y : aligned) {
        int j = y - sa.size();
        boolean[] usedA = new boolean[idsA.length];
        boolean[] usedB = new boolean[idsB[j].length];
        // The regions too short to be a passage alone, taken together: aFrom, aTo, bFrom, bTo,
        // content matches, matches, regions.
        int[] pieces = {Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0, 0, 0, 0};
        double piecesScore = 0;
        for (int round = 0; round < MAX_REGIONS; round++) {
          double[] score = new double[1];
          int[] r = local(idsA, idsB[j], scoresA, usedA, usedB, work, score);
          if (r == null) {
            break;
          }
          Arrays.fill(usedA, r[0], r[1], true);
          Arrays.fill(usedB, r[2], r[3], true);
          int aFrom = sa.get(i)[0] + r[0];
          int aTo = sa.get(i)[0] + r[1];
          int bFrom = sb.get(j)[0] + r[2];
          int bTo = sb.get(j)[0] + r[3];
          if (!passage(aTo - aFrom, bTo - bFrom, r[4], r[5])) {
            if (r[4] > 0) {
              pieces[0] = Math.min(pieces[0], aFrom);
              pieces[1] = Math.max(pieces[1], aTo);
              pieces[2] = Math.min(pieces[2], bFrom);
              pieces[3] = Math.max(pieces[3], bTo);
              pieces[4] += r[4];
              pieces[5] += r[5];
              pieces[6]++;
              piecesScore += score[0];
            }
            continue;
          }
          regions.add(new int[] {aFrom, aTo, bFrom, bTo, regions.size()});
          scores.add(score[0]);
        }
        if (pieces[6] >= 2
            && texts.dice(i, y) >= MIN_REORDERED_DICE
            && passage(pieces[1] - pieces[0], pieces[3] - pieces[2], pieces[4], pieces[5])) {
          regions.add(new int[] {pieces[0], pieces[1], pieces[2], pieces[3], regions.size()});
          scores.add(piecesScore);
        }
      }
    }
    regions.sort(
        Comparator.comparingDouble((int[] r) -> -scores.get(r[4]))
            .thenComparingInt(r -> r[0])
            .thenComparingInt(r -> r[2]));
    List<int[]> kept = new ArrayList<>();
    for (int[] r : regions) {
      boolean overlaps = false;
      for (int[] k : kept) {
        overlaps |= (r[0] < k[1] && k[0] < r[1]) || (r[2] < k[3] && k[2] < r[3]);
      }
      if (!overlaps) {
        kept.add(r);
      }
    }
    List<Passage> out = new ArrayList<>(kept.size());
    for (int[] r : kept) {
      int matched = commonWords(a.tokens(), r[0], r[1], b.tokens(), r[2], r[3]);
      out.add(passage(a, r[0], r[1], b, r[2], r[3], matched));
    }
    out.sort(Comparator.comparingInt(Passage::aFromWord).thenComparingInt(Passage::bFromWord));
    return out;
  }

  /**
   * Whether a region of {@code wordsA} and {@code wordsB} words, {@code content} of whose
   * matched stems are not stop words, of {@code matches} matched stems in all, is a passage.
   */
  private boolean passage(int wordsA, int wordsB, int content, int matches) {
    return wordsA >= minWords && wordsB >= minWords && content >= MIN_SHARED_STEMS
        && 2.0 * matches / (wordsA + wordsB) >= MIN_SIMILARITY;
  }

  /** The stem of each word of {@code sentence} of the article of {@code side}, -1 for none. */
  private static int[] words(StemOverlap.Texts texts, int side, int[] sentence) {
    int[] out = new int[sentence[1] - sentence[0]];
    for (int w = 0; w < out.length; w++) {
      out[w] = texts.wordStem(side, sentence[0] + w);
    }
    return out;
  }

  /**
   * The best local alignment of two sentences' stems (Smith-Waterman), words {@code used}
   * before a barrier: a shared stem scores {@code scoreA} of its word in a ({@value
   * #CONTENT_MATCH}, a stop word {@value #STOP_MATCH}), a changed, dropped or added word costs
   * {@value #GAP}. Returns {@code {aFrom, aTo, bFrom, bTo, contentMatches, matches}} relative
   * to the sentences, with its score in {@code score[0]}; null when nothing scores above 0.
   * {@code work} holds at least {@code (a.length + 1) * (b.length + 1)} entries.
   */
  static int[] local(
      int[] a, int[] b, double[] scoreA, boolean[] usedA, boolean[] usedB, double[] work,
      double[] score) {
    int n = a.length;
    int m = b.length;
    int row = m + 1;
    double[] h = work;
    java.util.Arrays.fill(h, 0, row, 0);
    double best = 0;
    int bi = -1;
    int bj = -1;
    for (int i = 1; i <= n; i++) {
      int at = i * row;
      h[at] = 0;
      int ai = a[i - 1];
      double gain = scoreA[i - 1];
      boolean blocked = usedA[i - 1];
      for (int j = 1; j <= m; j++) {
        if (blocked || usedB[j - 1]) {
          h[at + j] = 0; // a word of a region found before: a barrier
          continue;
        }
        double diag = h[at - row + j - 1] + (ai >= 0 && ai == b[j - 1] ? gain : -GAP);
        double v = Math.max(0, Math.max(diag, Math.max(h[at - row + j], h[at + j - 1]) - GAP));
        h[at + j] = v;
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) {
      return null;
    }
    int i = bi;
    int j = bj;
    int content = 0;
    int matches = 0;
    while (i > 0 && j > 0 && h[i * row + j] > 0) {
      double v = h[i * row + j];
      boolean same = a[i - 1] >= 0 && a[i - 1] == b[j - 1];
      if (same && v == h[(i - 1) * row + j - 1] + scoreA[i - 1]) {
        matches++;
        content += scoreA[i - 1] == CONTENT_MATCH ? 1 : 0;
        i--;
        j--;
      } else if (!same && v == h[(i - 1) * row + j - 1] - GAP) {
        i--;
        j--;
      } else if (v == h[(i - 1) * row + j] - GAP) {
        i--;
      } else {
        j--;
      }
    }
    score[0] = best;
    return new int[] {i, bi, j, bj, content, matches};
  }

  /**
   * The sentences of {@code t} as word ranges {@code {from, to}}, in order, left out and cut as
   * the class says; {@code sideA} reads the found passages' a sides, else their b sides.
   */
  private List<int[]> sentences(AlignedText t, int[] mask, List<Passage> found, boolean sideA) {
    int n = t.tokens().size();
    boolean[] covered = new boolean[n];
    for (Passage p : found) {
      int from = sideA ? p.aFromWord() : p.bFromWord();
      int to = sideA ? p.aToWord() : p.bToWord();
      Arrays.fill(covered, Math.max(0, from), Math.min(n, to), true);
    }
    List<int[]> out = new ArrayList<>();
    int m = 0;
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (i + 1 < n && !t.boundaryAfter(i)) {
        continue;
      }
      int from = start;
      int to = i + 1;
      start = i + 1;
      while (m < mask.length && mask[m + 1] <= from) {
        m += 2;
      }
      if (m < mask.length && mask[m] < to) {
        continue; // template text stays masked
      }
      int in = 0;
      for (int w = from; w < to; w++) {
        in += covered[w] ? 1 : 0;
      }
      if (2 * in > to - from) {
        continue;
      }
      while (from < to && covered[from]) {
        from++;
      }
      while (to > from && covered[to - 1]) {
        to--;
      }
      if (to - from >= minWords && to - from <= MAX_SENTENCE_WORDS) {
        out.add(new int[] {from, to});
      }
    }
    return out;
  }

  private static Passage passage(
      AlignedText a, int aFrom, int aTo, AlignedText b, int bFrom, int bTo, int matched) {
    Tokens ta = a.tokens();
    Tokens tb = b.tokens();
    return new Passage(
        aFrom, aTo, bFrom, bTo, ta.start(aFrom), ta.end(aTo - 1), tb.start(bFrom),
        tb.end(bTo - 1), matched, 2.0 * matched / ((aTo - aFrom) + (bTo - bFrom)));
  }

  /** The longest common subsequence of two word ranges, by hash. */
  static int commonWords(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    int m = bTo - bFrom;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int i = aFrom; i < aTo; i++) {
      long h = a.hash(i);
      for (int j = 1; j <= m; j++) {
        cur[j] = h == b.hash(bFrom + j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
