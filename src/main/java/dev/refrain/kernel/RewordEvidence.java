package dev.refrain.kernel;

import com.carrotsearch.hppc.LongHashSet;
import dev.refrain.align.Passage;
import dev.refrain.align.SentenceAligner;
import java.util.List;

/**
 * Which compared pairs get their reworded sentences looked for ({@link SentenceAligner}): the one
 * rule {@code scan}, {@code check} and the distributed job all apply, through {@link
 * Detector#alignPair}, to the pairs their candidate search proposed.
 *
 * <p>A pair is aligned sentence by sentence when it shares a passage, or when its two articles
 * share at least {@value #MIN_SHARED_FINGERPRINTS} fingerprints outside their template words. A
 * translation or rewrite of one story keeps a few 5-word runs (names and titles: "Secretary of
 * State Antony Blinken", "in the South China Sea") but rarely eight words in a row, so its pair
 * is a candidate that yields no passage; one shared fingerprint alone is a chance phrase more
 * often than not (most candidates of a generated corpus of 10^5 articles shared one and nothing
 * else; see {@code CandidatePairs}), two are the least a rewrite shows. The evidence is read from
 * the pair's own fingerprints, so every caller decides alike whatever it knows of the
 * candidate search, and the cost stays with the candidates: no pair is compared that the search
 * did not propose.
 */
public final class RewordEvidence {
  /**
   * Fingerprints outside template words a pair without a passage must share to be aligned
   * sentence by sentence.
   */
  public static final int MIN_SHARED_FINGERPRINTS = 2;

  private RewordEvidence() {}

  /**
   * Whether the pair's reworded sentences are looked for: it shares a passage ({@code found}),
   * or {@value #MIN_SHARED_FINGERPRINTS} fingerprints outside the template words {@code maskA}
   * and {@code maskB}. Never for an article with itself ({@code a == b}): a repeat inside one
   * article is a passage or nothing.
   */
  public static boolean alignsSentences(
      PreparedArticle a, int[] maskA, PreparedArticle b, int[] maskB, List<Passage> found) {
    if (a == b) {
      return false;
    }
    return !found.isEmpty() || sharedFingerprints(a, maskA, b, maskB) >= MIN_SHARED_FINGERPRINTS;
  }

  /**
   * The distinct fingerprints both articles hold at a shingle whose first word is outside their
   * template words.
   */
  static int sharedFingerprints(PreparedArticle a, int[] maskA, PreparedArticle b, int[] maskB) {
    LongHashSet inA = new LongHashSet();
    long[] hashes = a.fingerprints().hashes();
    int[] positions = a.fingerprints().positions();
    for (int k = 0; k < hashes.length; k++) {
      if (!masked(maskA, positions[k])) {
        inA.add(hashes[k]);
      }
    }
    LongHashSet shared = new LongHashSet();
    hashes = b.fingerprints().hashes();
    positions = b.fingerprints().positions();
    for (int k = 0; k < hashes.length; k++) {
      if (inA.contains(hashes[k]) && !masked(maskB, positions[k])) {
        shared.add(hashes[k]);
      }
    }
    return shared.size();
  }

  /** Whether word {@code w} lies in one of the sorted ranges {@code [from, to, ...]}. */
  private static boolean masked(int[] mask, int w) {
    int lo = 0;
    int hi = mask.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (mask[2 * mid + 1] <= w) {
        lo = mid + 1;
      } else if (mask[2 * mid] > w) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
