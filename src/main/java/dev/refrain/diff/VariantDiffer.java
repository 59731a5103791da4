package dev.refrain.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.refrain.normalize.Tokens;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
   * The edits turning words {@code aFrom..aTo} of {@code a} into words {@code bFrom..bTo} of
   * {@code b}, in order, covering both ranges completely.
   */
  public List<Edit> diff(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    // Myers is quadratic in the worst case: diff only what lies between the common prefix and
    // suffix (all of a verbatim passage, the usual case, is one equal run).
    int prefix = 0;
    while (aFrom + prefix < aTo
        && bFrom + prefix < bTo
        && a.hash(aFrom + prefix) == b.hash(bFrom + prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (aTo - suffix > aFrom + prefix
        && bTo - suffix > bFrom + prefix
        && a.hash(aTo - suffix - 1) == b.hash(bTo - suffix - 1)) {
      suffix++;
    }
    List<Edit> edits = new ArrayList<>();
    if (prefix > 0) {
      edits.add(new Edit(Edit.Kind.EQUAL, aFrom, aFrom + prefix, bFrom, bFrom + prefix));
    }
    edits.addAll(middle(a, aFrom + prefix, aTo - suffix, b, bFrom + prefix, bTo - suffix));
    if (suffix > 0) {
      edits.add(new Edit(Edit.Kind.EQUAL, aTo - suffix, aTo, bTo - suffix, bTo));
    }
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
   * Joins each run of adjacent non-equal edits into one: a deletion next to an insertion is a
   * replacement, whichever order the algorithm emitted them in.
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
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Edit> middle(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    if (aFrom == aTo && bFrom == bTo) {
      return List.of();
    }
    if (aFrom == aTo) {
      return List.of(new Edit(Edit.Kind.INSERT, aFrom, aTo, bFrom, bTo));
    }
    if (bFrom == bTo) {
      return List.of(new Edit(Edit.Kind.DELETE, aFrom, aTo, bFrom, bTo));
    }
    List<Long> left = words(a, aFrom, aTo);
    List<Long> right = words(b, bFrom, bTo);
    Patch<Long> patch = DiffUtils.diff(left, right, new MeyersDiffWithLinearSpace<Long>());
    List<Edit> edits = new ArrayList<>();
    int x = 0;
    int y = 0;
    for (AbstractDelta<Long> delta : patch.getDeltas()) {
      int sx = delta.getSource().getPosition();
      int ty = delta.getTarget().getPosition();
      if (sx > x) {
        edits.add(new Edit(Edit.Kind.EQUAL, aFrom + x, aFrom + sx, bFrom + y, bFrom + ty));
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
      edits.add(new Edit(kind, aFrom + sx, aFrom + ex, bFrom + ty, bFrom + ey));
      x = ex;
      y = ey;
    }
    if (x < left.size() || y < right.size()) {
      edits.add(new Edit(Edit.Kind.EQUAL, aFrom + x, aTo, bFrom + y, bTo));
    }
    return edits;
  }

  /**
   * Words {@code from..to} of {@code t} as a list of their hashes, for java-diff-utils: boxed
   * once here, so the diff's many comparisons allocate nothing.
   */
  private static List<Long> words(Tokens t, int from, int to) {
    Long[] boxed = new Long[to - from];
    for (int i = from; i < to; i++) {
      boxed[i - from] = t.hash(i);
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
