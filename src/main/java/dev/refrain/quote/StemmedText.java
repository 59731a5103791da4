package dev.refrain.quote;

import com.carrotsearch.hppc.IntArrayList;
import dev.refrain.normalize.Hash64;
import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.Tokens;
import dev.refrain.normalize.WordStemmer;
import java.util.Arrays;

/**
 * The word stems of one text as {@link StemOverlap} reads it, stemmed once: the runs of letters
 * and digits of the whole text (as {@link QuoteStems.Stemming} reads a quote) and of each of its
 * normalized words the first such run, each as a stem id. Ids follow the stems' {@link
 * String#compareTo} order, so a part of the text's distinct stems sorted by id are in the order
 * quote grouping gives them; beside each id is the 64-bit hash of its stem ({@link Hash64}), what
 * two texts' stems are told equal by: among 10^6 distinct stems two collide with probability
 * about 3 * 10^-8 (birthday bound).
 *
 * <p>12 bytes a word and 8 a distinct stem, no string (about 17 bytes a word on generated news,
 * 846 words an article). Immutable.
 */
public final class StemmedText {
  /** Per stem id, the hash of its stem. */
  final long[] hashes;

  /** Per run, ascending: where it starts in the text. */
  final int[] runStart;

  /** Per run: its stem's id, shifted left by one, the low bit set when its form is a stop word. */
  final int[] runCode;

  /** Per word, the stem id of its first run of letters and digits; -1 for none or a single letter. */
  private final int[] wordStem;

  private StemmedText(long[] hashes, int[] runStart, int[] runCode, int[] wordStem) {
    this.hashes = hashes;
    this.runStart = runStart;
    this.runCode = runCode;
    this.wordStem = wordStem;
  }

  /** The stems of {@code text} and of its words {@code tokens} (null: none read). */
  public static StemmedText of(String text, Tokens tokens) {
    return of(text, tokens, null);
  }

  /**
   * {@link #of(String, Tokens)}, the words' stems looked up in {@code cache} and kept there (null:
   * every word stemmed): the same stems either way.
   */
  public static StemmedText of(String text, Tokens tokens, StemCache cache) {
    QuoteStems.Stemming stemming = new QuoteStems.Stemming(new WordStemmer(cache));
    IntArrayList starts = new IntArrayList();
    IntArrayList forms = new IntArrayList();
    IntArrayList ends = new IntArrayList();
    int n = text.length();
    for (int i = stemming.next(text, 0, n); i >= 0; i = stemming.next(text, i, n)) {
      starts.add(stemming.runStart);
      forms.add(stemming.runForm);
      ends.add(i);
    }
    int words = tokens == null ? 0 : tokens.size();
    int[] wordForm = new int[words];
    int run = 0; // the first run not before the last word's run: word starts ascend
    for (int w = 0; w < words; w++) {
      int s = tokens.start(w);
      int end = tokens.end(w);
      while (s < end && !Character.isLetterOrDigit(text.charAt(s))) {
        s++;
      }
      int e = s;
      while (e < end && Character.isLetterOrDigit(text.charAt(e))) {
        e++;
      }
      boolean none = e - s < 2 && !(e > s && Character.isDigit(text.charAt(s)));
      while (run < starts.size() && starts.get(run) < s) {
        run++;
      }
      if (none) {
        wordForm[w] = -1;
      } else if (run < starts.size() && starts.get(run) == s && ends.get(run) == e) {
        wordForm[w] = forms.get(run); // the run of the text the word's is: its form is known
      } else {
        wordForm[w] = stemming.form(text, s, e);
      }
    }
    int count = stemming.stemCount();
    int[] order = order(stemming, count);
    int[] rank = new int[count];
    long[] hashes = new long[count];
    for (int r = 0; r < count; r++) {
      rank[order[r]] = r;
      hashes[r] = Hash64.hash(stemming.stem(order[r]), Hash64.DEFAULT_SEED);
    }
    int[] formCode = new int[stemming.formCount()];
    for (int f = 0; f < formCode.length; f++) {
      boolean stop = QuoteGrouper.STOP_WORDS.contains(stemming.formText(f));
      formCode[f] = rank[stemming.stemOf(f)] << 1 | (stop ? 1 : 0);
    }
    int[] runCode = new int[forms.size()];
    for (int k = 0; k < runCode.length; k++) {
      runCode[k] = formCode[forms.get(k)];
    }
    int[] wordStem = new int[words];
    for (int w = 0; w < words; w++) {
      wordStem[w] = wordForm[w] < 0 ? -1 : rank[stemming.stemOf(wordForm[w])];
    }
    return new StemmedText(hashes, starts.toArray(), runCode, wordStem);
  }

  /**
   * The stem ids of {@code stemming} in their stems' {@link String#compareTo} order: sorted by
   * their first three characters packed in a long beside the id, then each run of stems alike in
   * those by comparing them whole.
   */
  static int[] order(QuoteStems.Stemming stemming, int count) {
    int[] out = new int[count];
    if (count > 0xFFFF) {
      Integer[] boxed = new Integer[count];
      for (int k = 0; k < count; k++) {
        boxed[k] = k;
      }
      Arrays.sort(boxed, (x, y) -> stemming.stem(x).compareTo(stemming.stem(y)));
      for (int k = 0; k < count; k++) {
        out[k] = boxed[k];
      }
      return out;
    }
    long[] keys = new long[count];
    for (int k = 0; k < count; k++) {
      keys[k] = (prefix(stemming.stem(k)) << 16 | k) ^ Long.MIN_VALUE; // unsigned order
    }
    Arrays.sort(keys);
    for (int k = 0; k < count; k++) {
      out[k] = (int) (keys[k] & 0xFFFF);
    }
    for (int i = 0; i < count; ) {
      int j = i + 1;
      while (j < count && keys[j] >>> 16 == keys[i] >>> 16) {
        j++;
      }
      for (int k = i + 1; k < j; k++) { // insertion sort of a run alike in its first characters
        int id = out[k];
        String s = stemming.stem(id);
        int at = k;
        while (at > i && stemming.stem(out[at - 1]).compareTo(s) > 0) {
          out[at] = out[at - 1];
          at--;
        }
        out[at] = id;
      }
      i = j;
    }
    return out;
  }

  /**
   * A string's first three characters in 48 bits, a missing one as 0: one string's prefix is
   * below another's only when the string is below it in {@link String#compareTo} order.
   */
  private static long prefix(String s) {
    long p = 0;
    for (int c = 0; c < 3; c++) {
      p = p << 16 | (c < s.length() ? s.charAt(c) : 0);
    }
    return p;
  }

  /** Distinct stems. */
  int stemCount() {
    return hashes.length;
  }

  /** The stem id of word {@code w}'s first run of letters and digits, -1 for none. */
  int wordStem(int w) {
    return wordStem[w];
  }

  /** The first run starting at or after {@code offset}, or the number of runs. */
  int runAtOrAfter(int offset) {
    int at = Arrays.binarySearch(runStart, offset);
    return at >= 0 ? at : -at - 1;
  }
}
