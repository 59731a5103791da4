package dev.refrain.quote;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * The word stems and weights quote grouping reads ({@link QuoteGrouper}), for other short texts
 * such as sentences: each text's distinct Snowball stems (accents dropped, lower case), weighed
 * by inverse document frequency among the texts compared, a stop word a tenth of that; and the
 * overlap of two texts by those weights. One rule, shared: the sentence aligner reads reworded
 * sentences with it.
 *
 * <p>The texts are parts of two stemmed articles ({@link StemmedText}, each stemmed once, not
 * per comparison): a {@link Texts} numbers the two articles' stems as one, and every text is a
 * run of int ids. Which texts of one side overlap a text of the other enough is found from the
 * stems they share (an inverted list of the other side's texts by stem), not by weighing every
 * pair.
 */
public final class StemOverlap {
  private StemOverlap() {}

  /**
   * The texts of one comparison, from two articles (side 0 and side 1), their stems numbered as
   * one: each text's distinct stems in {@link String#compareTo} order, whether the first word
   * form of each is a stop word and, once {@link #weigh weighed}, their weights among all the
   * texts. Not thread-safe: one per comparison.
   */
  public static final class Texts {
    private final StemmedText[] articles;
    /** Per side, each of that article's stem ids as a number of this comparison. */
    private final int[][] ids;
    private final LongIntHashMap byHash;
    private int idCount;

    /** Text {@code t}'s stems are {@code stems[from[t]..from[t + 1])} (id << 1, low bit stop). */
    private final IntArrayList from = new IntArrayList();
    private final IntArrayList stems = new IntArrayList();
    private final IntArrayList side = new IntArrayList();
    private double[] weight;
    private double[] total;

    /** Side 1's texts holding stem s: {@code postings[postingFrom[s]..postingFrom[s + 1])}. */
    private int[] postingFrom;
    private int[] postings;

    // Scratch of {@link #aligned}: the selected text's stems by id, and per text of side 1 the
    // content stems it shares with it.
    private int selected = -1;
    private int[] stamp;
    private double[] selectedWeight;
    private boolean[] selectedStop;
    private int[] shared;
    /** Per stem id of the article a text is read from: the last text that held it. */
    private int[] seen = new int[0];

    public Texts(StemmedText a, StemmedText b) {
      articles = new StemmedText[] {a, b};
      byHash = new LongIntHashMap(2 * (a.stemCount() + b.stemCount()));
      ids = new int[][] {number(a.hashes), number(b.hashes)};
      from.add(0);
    }

    private int[] number(long[] hashes) {
      int[] out = new int[hashes.length];
      for (int k = 0; k < hashes.length; k++) {
        out[k] = id(hashes[k]);
      }
      return out;
    }

    private int id(long hash) {
      int slot = byHash.indexOf(hash);
      if (byHash.indexExists(slot)) {
        return byHash.indexGet(slot);
      }
      byHash.indexInsert(slot, hash, idCount);
      return idCount++;
    }

    /**
     * Adds the text {@code text[from..to)} of the article of {@code side}, {@code text} its
     * whole text: returns its number (texts are numbered as added, from 0).
     */
    public int add(int side, String text, int from, int to) {
      StemmedText article = articles[side];
      int[] number = ids[side];
      boolean cut =
          (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))
                  && Character.isLetterOrDigit(text.charAt(from)))
              || (to < text.length() && Character.isLetterOrDigit(text.charAt(to))
                  && Character.isLetterOrDigit(text.charAt(to - 1)));
      int first;
      int last;
      if (cut) {
        // A run of letters and digits crosses the text's edge (words of a script written
        // without spaces): its part inside is a word of its own, stemmed here.
        article = StemmedText.of(text.substring(from, to), null);
        number = number(article.hashes);
        first = 0;
        last = article.runStart.length;
      } else {
        first = article.runAtOrAfter(from);
        last = article.runAtOrAfter(to);
      }
      int at = stems.size();
      int[] seen = scratch(article.stemCount());
      int mark = this.from.size();
      for (int k = first; k < last; k++) {
        int code = article.runCode[k];
        if (seen[code >>> 1] != mark) {
          seen[code >>> 1] = mark; // the stem's first form stays
          stems.add(code);
        }
      }
      // The article's ids follow the String order of their stems: sorting them sorts the stems.
      Arrays.sort(stems.buffer, at, stems.size());
      for (int k = at; k < stems.size(); k++) {
        int code = stems.get(k);
        stems.set(k, number[code >>> 1] << 1 | (code & 1));
      }
      this.from.add(stems.size());
      this.side.add(side);
      return this.from.size() - 2;
    }

    private int[] scratch(int size) {
      if (seen.length < size) {
        seen = new int[Math.max(size, 2 * seen.length)];
      }
      return seen;
    }

    /** The stem of word {@code w} of side {@code side}'s article ({@link StemmedText}), -1 for none. */
    public int wordStem(int side, int w) {
      int s = articles[side].wordStem(w);
      return s < 0 ? -1 : ids[side][s];
    }

    /**
     * Weighs every stem of every text by its inverse document frequency among the texts (each
     * text one document), a stop word a tenth of that.
     */
    public void weigh() {
      int n = from.size() - 1;
      int[] df = new int[idCount];
      for (int k = 0; k < stems.size(); k++) {
        df[stems.get(k) >>> 1]++;
      }
      weight = new double[stems.size()];
      total = new double[n];
      for (int t = 0; t < n; t++) {
        double sum = 0;
        for (int k = from.get(t); k < from.get(t + 1); k++) {
          int code = stems.get(k);
          double idf = Math.log(1.0 + (double) n / df[code >>> 1]);
          weight[k] = (code & 1) != 0 ? idf * QuoteGrouper.STOP_WORD_WEIGHT : idf;
          sum += weight[k];
        }
        total[t] = sum;
      }
      postingFrom = new int[idCount + 1];
      for (int t = 0; t < n; t++) {
        if (side.get(t) == 1) {
          for (int k = from.get(t); k < from.get(t + 1); k++) {
            postingFrom[(stems.get(k) >>> 1) + 1]++;
          }
        }
      }
      for (int s = 0; s < idCount; s++) {
        postingFrom[s + 1] += postingFrom[s];
      }
      postings = new int[postingFrom[idCount]];
      int[] fill = Arrays.copyOf(postingFrom, idCount);
      for (int t = 0; t < n; t++) {
        if (side.get(t) == 1) {
          for (int k = from.get(t); k < from.get(t + 1); k++) {
            postings[fill[stems.get(k) >>> 1]++] = t;
          }
        }
      }
      stamp = new int[idCount];
      Arrays.fill(stamp, -1);
      selectedWeight = new double[idCount];
      selectedStop = new boolean[idCount];
      shared = new int[n];
    }

    /**
     * The texts of side 1, ascending, that share at least {@code minShared} stems with text
     * {@code x} that are not stop words in {@code x} and whose Dice overlap with it ({@link
     * #dice}) reaches {@code minDice}. Texts sharing no stem that is not a stop word are never
     * weighed: with {@code minShared >= 1} they could not qualify.
     */
    public int[] aligned(int x, int minShared, double minDice) {
      if (minShared < 1) {
        throw new IllegalArgumentException("minShared must be at least 1: " + minShared);
      }
      select(x);
      for (int k = from.get(x); k < from.get(x + 1); k++) {
        int code = stems.get(k);
        if ((code & 1) != 0) {
          continue;
        }
        int s = code >>> 1;
        for (int p = postingFrom[s]; p < postingFrom[s + 1]; p++) {
          shared[postings[p]]++;
        }
      }
      IntArrayList out = new IntArrayList();
      for (int y = 0; y < shared.length; y++) {
        if (shared[y] >= minShared && dice(x, y) >= minDice) {
          out.add(y);
        }
        shared[y] = 0;
      }
      return out.toArray();
    }

    /** Makes text {@code x} the one {@link #content} and {@link #dice} read by id. */
    private void select(int x) {
      if (selected == x) {
        return;
      }
      if (selected >= 0) {
        for (int k = from.get(selected); k < from.get(selected + 1); k++) {
          stamp[stems.get(k) >>> 1] = -1;
        }
      }
      selected = x;
      for (int k = from.get(x); k < from.get(x + 1); k++) {
        int s = stems.get(k) >>> 1;
        stamp[s] = x;
        selectedWeight[s] = weight[k];
        selectedStop[s] = (stems.get(k) & 1) != 0;
      }
    }

    /** Whether text {@code x} holds stem {@code stem} from a word that is not a stop word. */
    public boolean content(int x, int stem) {
      select(x);
      return stem >= 0 && stamp[stem] == x && !selectedStop[stem];
    }

    /**
     * The Dice overlap of two texts' weights counting exact stems only (no spelling variants):
     * the weight of the stems both hold (the lesser of their two weights, summed in the stems'
     * String order) over their mean weight, in [0, 1]: cheap enough to tell which of many pairs
     * of texts are worth a closer look.
     */
    public double dice(int x, int y) {
      select(x);
      double sum = total[x] + total[y];
      if (sum == 0) {
        return 0;
      }
      // y's stems are in String order, as x's are: the shared ones come in the same order.
      double common = 0;
      for (int k = from.get(y); k < from.get(y + 1); k++) {
        int s = stems.get(k) >>> 1;
        if (stamp[s] == x) {
          common += Math.min(selectedWeight[s], weight[k]);
        }
      }
      return 2 * common / sum;
    }
  }
}
