package dev.refrain.diff;

import com.carrotsearch.hppc.LongIntHashMap;
import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.refrain.normalize.Tokens;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The word-level variant diff of a passage: which words the two sides share, and which one side
 * dropped, added or replaced.
 *
 * <p>Words are compared in their normalized form (so "Blinken’s" equals "blinken's"), by their
 * hashes, with
 * java-diff-utils' Myers algorithm in its linear-space form (the plain form builds a path node
 * per step and took most of a Reuters-21578 scan). java-diff-utils stays inside this class: callers get {@link
 * Edit}s, word ranges they map to offsets and escape for their own format.
 */
public final class VariantDiffer implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Most words, both sides together, that one Myers diff is given. Myers takes time proportional
   * to the words times the edits, quadratic for a long passage with changes all along it (a
   * 400,000-word article and a copy with every tenth word changed took 50 s to diff whole);
   * longer ranges are first cut at anchors, so a diff takes time about linear in its words.
   */
  static final int MYERS_MAX_WORDS = 2_000;

  /**
   * The edits turning words {@code aFrom..aTo} of {@code a} into words {@code bFrom..bTo} of
   * {@code b}, in order, covering both ranges completely.
   *
   * <p>Myers finds the fewest edits for ranges up to {@value #MYERS_MAX_WORDS} words (all of a
   * news passage, after its common prefix and suffix). A longer range is cut at anchors first, as
   * patience diff does: the words that occur once on each side, the longest run of them in the
   * same order on both (each range between two anchors is diffed the same way). A range with no
   * such anchors, or whose anchors leave a piece of more than three quarters of it, is diffed in
   * pieces of at most {@value #MYERS_MAX_WORDS} words cut at the same proportion on both sides:
   * its diff may then show a few more edits than the fewest.
   */
  public List<Edit> diff(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    return diff(a, aFrom, aTo, b, bFrom, bTo, words -> {});
  }

  /**
   * {@link #diff(Tokens, int, int, Tokens, int, int)}, telling {@code myersWords} how many words
   * each Myers diff it runs is given.
   */
  List<Edit> diff(
      Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo, IntConsumer myersWords) {
    List<Edit> edits = new ArrayList<>();
    new Ranges(a.hashes(), b.hashes(), edits, myersWords).diff(aFrom, aTo, bFrom, bTo, true);
    List<Edit> words = coalesce(edits);
    List<Edit> out = new ArrayList<>(words.size());
    for (Edit e : words) {
      int[] sa = chars(a, e.aFromWord(), e.aToWord());
      int[] sb = chars(b, e.bFromWord(), e.bToWord());
      out.add(
          new Edit(
              e.kind(), e.aFromWord(), e.aToWord(), e.bFromWord(), e.bToWord(), sa[0], sa[1],
              sb[0], sb[1]));
    }
    return out;
  }

  /** The diff of word ranges of two texts' word hashes, appending its edits to {@code out}. */
  private record Ranges(long[] a, long[] b, List<Edit> out, IntConsumer myersWords) {

    /**
     * Diffs {@code a[aFrom..aTo)} with {@code b[bFrom..bTo)}: the common prefix and suffix are
     * equal runs, and what lies between is diffed by Myers, cut at anchors when long, or (when
     * {@code anchored} is false) cut in even pieces.
     */
    void diff(int aFrom, int aTo, int bFrom, int bTo, boolean anchored) {
      int prefix = 0;
      while (aFrom + prefix < aTo && bFrom + prefix < bTo && a[aFrom + prefix] == b[bFrom + prefix]) {
        prefix++;
      }
      int suffix = 0;
      while (aTo - suffix > aFrom + prefix
          && bTo - suffix > bFrom + prefix
          && a[aTo - suffix - 1] == b[bTo - suffix - 1]) {
        suffix++;
      }
      if (prefix > 0) {
        out.add(new Edit(Edit.Kind.EQUAL, aFrom, aFrom + prefix, bFrom, bFrom + prefix));
      }
      middle(aFrom + prefix, aTo - suffix, bFrom + prefix, bTo - suffix, anchored);
      if (suffix > 0) {
        out.add(new Edit(Edit.Kind.EQUAL, aTo - suffix, aTo, bTo - suffix, bTo));
      }
    }

    private void middle(int aFrom, int aTo, int bFrom, int bTo, boolean anchored) {
      int n = aTo - aFrom;
      int m = bTo - bFrom;
      if (n == 0 && m == 0) {
        return;
      }
      if (n == 0) {
        out.add(new Edit(Edit.Kind.INSERT, aFrom, aTo, bFrom, bTo));
        return;
      }
      if (m == 0) {
        out.add(new Edit(Edit.Kind.DELETE, aFrom, aTo, bFrom, bTo));
        return;
      }
      if (n + m <= MYERS_MAX_WORDS) {
        myers(aFrom, aTo, bFrom, bTo);
        return;
      }
      int[] anchors = anchored ? anchors(aFrom, aTo, bFrom, bTo) : new int[0];
      if (anchors.length == 0) {
        pieces(aFrom, aTo, bFrom, bTo);
        return;
      }
      // A piece between anchors is cut at anchors of its own only while pieces shrink to three
      // quarters at most, so the cutting goes O(log n) levels deep.
      long most = 3L * (n + m) / 4;
      int x = aFrom;
      int y = bFrom;
      for (int k = 0; k <= anchors.length; k += 2) {
        int ax = k < anchors.length ? anchors[k] : aTo;
        int by = k < anchors.length ? anchors[k + 1] : bTo;
        diff(x, ax, y, by, (ax - x) + (by - y) <= most);
        if (k < anchors.length) {
          out.add(new Edit(Edit.Kind.EQUAL, ax, ax + 1, by, by + 1));
          x = ax + 1;
          y = by + 1;
        }
      }
    }

    /**
     * Anchors: positions {@code [a0, b0, a1, b1, ...]} of words that occur once in each range,
     * the longest sequence of them in the same order on both sides (patience sorting, O(u log u)
     * for u such words).
     */
    private int[] anchors(int aFrom, int aTo, int bFrom, int bTo) {
      LongIntHashMap inA = onceIn(a, aFrom, aTo);
      LongIntHashMap inB = onceIn(b, bFrom, bTo);
      int[] ja = new int[Math.min(aTo - aFrom, bTo - bFrom)];
      int[] jb = new int[ja.length];
      int u = 0;
      for (int i = aFrom; i < aTo && u < ja.length; i++) {
        if (inA.get(a[i]) == i) {
          int j = inB.getOrDefault(a[i], -1);
          if (j >= 0) {
            ja[u] = i;
            jb[u++] = j;
          }
        }
      }
      // Longest increasing subsequence of jb: tails[len] ends the best run of length len + 1.
      int[] tails = new int[u];
      int[] previous = new int[u];
      int length = 0;
      for (int k = 0; k < u; k++) {
        int lo = 0;
        int hi = length;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          if (jb[tails[mid]] < jb[k]) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        previous[k] = lo > 0 ? tails[lo - 1] : -1;
        tails[lo] = k;
        length = Math.max(length, lo + 1);
      }
      int[] out = new int[2 * length];
      for (int k = length == 0 ? -1 : tails[length - 1], at = length - 1; k >= 0; k = previous[k]) {
        out[2 * at] = ja[k];
        out[2 * at + 1] = jb[k];
        at--;
      }
      return out;
    }

    /** Each word of {@code w[from..to)} mapped to its position, or -2 when it occurs twice. */
    private static LongIntHashMap onceIn(long[] w, int from, int to) {
      LongIntHashMap map = new LongIntHashMap(to - from);
      for (int i = from; i < to; i++) {
        int slot = map.indexOf(w[i]);
        if (map.indexExists(slot)) {
          map.indexReplace(slot, -2);
        } else {
          map.indexInsert(slot, w[i], i);
        }
      }
      return map;
    }

    /** Diffs a long range without anchors in pieces cut at the same proportion on both sides. */
    private void pieces(int aFrom, int aTo, int bFrom, int bTo) {
      long n = aTo - aFrom;
      long m = bTo - bFrom;
      long count = (n + m + MYERS_MAX_WORDS - 1) / MYERS_MAX_WORDS;
      for (long k = 0; k < count; k++) {
        diff(
            (int) (aFrom + n * k / count), (int) (aFrom + n * (k + 1) / count),
            (int) (bFrom + m * k / count), (int) (bFrom + m * (k + 1) / count), false);
      }
    }

    private void myers(int aFrom, int aTo, int bFrom, int bTo) {
      myersWords.accept((aTo - aFrom) + (bTo - bFrom));
      List<Long> left = words(a, aFrom, aTo);
      List<Long> right = words(b, bFrom, bTo);
      Patch<Long> patch = DiffUtils.diff(left, right, new MeyersDiffWithLinearSpace<Long>());
      int x = 0;
      int y = 0;
      for (AbstractDelta<Long> delta : patch.getDeltas()) {
        int sx = delta.getSource().getPosition();
        int ty = delta.getTarget().getPosition();
        if (sx > x) {
          out.add(new Edit(Edit.Kind.EQUAL, aFrom + x, aFrom + sx, bFrom + y, bFrom + ty));
        }
        int ex = sx + delta.getSource().size();
        int ey = ty + delta.getTarget().size();
        Edit.Kind kind =
            switch (delta.getType()) {
              case DELETE -> Edit.Kind.DELETE;
              case INSERT -> Edit.Kind.INSERT;
              case CHANGE -> Edit.Kind.REPLACE;
              case EQUAL -> Edit.Kind.EQUAL;
            };
        out.add(new Edit(kind, aFrom + sx, aFrom + ex, bFrom + ty, bFrom + ey));
        x = ex;
        y = ey;
      }
      if (x < left.size() || y < right.size()) {
        out.add(new Edit(Edit.Kind.EQUAL, aFrom + x, aTo, bFrom + y, bTo));
      }
    }
  }

  /**
   * The characters of words {@code from..to}: from the first's start to the last's end; for no
   * words, the point right after the word before (inside the passage), or the first word's start.
   */
  private static int[] chars(Tokens t, int from, int to) {
    if (from < to) {
      return new int[] {t.start(from), t.end(to - 1)};
    }
    if (t.size() == 0) {
      return new int[] {0, 0};
    }
    int at = from < t.size() ? t.start(from) : t.end(t.size() - 1);
    if (from > 0 && from < t.size()) {
      at = t.end(from - 1);
    }
    return new int[] {at, at};
  }

  /**
   * Joins each run of adjacent non-equal edits into one (a deletion next to an insertion is a
   * replacement, whichever order the algorithm emitted them in), and each run of adjacent equal
   * ones (an anchor and the equal words around it).
   */
  private static List<Edit> coalesce(List<Edit> edits) {
    List<Edit> out = new ArrayList<>(edits.size());
    for (Edit e : edits) {
      Edit last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.kind() != Edit.Kind.EQUAL && e.kind() != Edit.Kind.EQUAL) {
        int aFrom = last.aFromWord();
        int aTo = e.aToWord();
        int bFrom = last.bFromWord();
        int bTo = e.bToWord();
        Edit.Kind kind =
            aFrom == aTo ? Edit.Kind.INSERT : bFrom == bTo ? Edit.Kind.DELETE : Edit.Kind.REPLACE;
        out.set(out.size() - 1, new Edit(kind, aFrom, aTo, bFrom, bTo));
      } else if (last != null && last.kind() == Edit.Kind.EQUAL && e.kind() == Edit.Kind.EQUAL) {
        out.set(
            out.size() - 1,
            new Edit(Edit.Kind.EQUAL, last.aFromWord(), e.aToWord(), last.bFromWord(), e.bToWord()));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Words {@code from..to} of {@code w} as a list of their hashes, for java-diff-utils: boxed
   * once here, so the diff's many comparisons allocate nothing.
   */
  private static List<Long> words(long[] w, int from, int to) {
    Long[] boxed = new Long[to - from];
    for (int i = from; i < to; i++) {
      boxed[i - from] = w[i];
    }
    return Arrays.asList(boxed);
  }

  /** Words both sides share, counted by the edits' equal runs. */
  public static int sharedWords(List<Edit> edits) {
    int n = 0;
    for (Edit e : edits) {
      if (e.kind() == Edit.Kind.EQUAL) {
        n += e.aToWord() - e.aFromWord();
      }
    }
    return n;
  }
}
