package dev.refrain.quote;

import dev.refrain.normalize.WordStemmer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word stems and weights quote grouping reads ({@link QuoteGrouper}), for other short texts
 * such as sentences: each text's distinct Snowball stems (accents dropped, lower case), weighed
 * by inverse document frequency among the texts compared, a stop word a tenth of that; and the
 * overlap of two texts by those weights. One rule, shared: the sentence aligner reads reworded
 * sentences with it.
 */
public final class StemOverlap {
  private StemOverlap() {}

  /**
   * A text's distinct stems (sorted), whether the first word form of each is a stop word, and
   * their weights among the texts weighed with it.
   */
  public static final class Weighed {
    private final String[] stems;
    private final boolean[] stop;
    private final double[] weights;
    private final double total;

    private Weighed(String[] stems, boolean[] stop, double[] weights, double total) {
      this.stems = stems;
      this.stop = stop;
      this.weights = weights;
      this.total = total;
    }

    /** Whether this text holds {@code stem} from a word that is not a stop word. */
    public boolean content(String stem) {
      int at = java.util.Arrays.binarySearch(stems, stem);
      return at >= 0 && !stop[at];
    }
  }

  /**
   * The texts' stems, weighed by inverse document frequency among them (each text one
   * document).
   */
  public static List<Weighed> weigh(List<String> texts) {
    // One stemming for all the texts: it stems each distinct word form once.
    QuoteStems.Stemming stemming = new QuoteStems.Stemming(new WordStemmer());
    List<String[][]> raw = new ArrayList<>(texts.size());
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      String[][] sf = stemming.stems(t);
      raw.add(sf);
      for (String s : sf[0]) {
        df.merge(s, 1, Integer::sum);
      }
    }
    List<Weighed> out = new ArrayList<>(raw.size());
    int eligible = texts.size();
    for (String[][] sf : raw) {
      // Inverse document frequency among the texts; a stop word weighs a tenth of that, as in
      // quote grouping.
      double[] w = new double[sf[0].length];
      boolean[] stop = new boolean[w.length];
      double total = 0;
      for (int k = 0; k < w.length; k++) {
        double idf = Math.log(1.0 + (double) eligible / df.get(sf[0][k]));
        stop[k] = QuoteGrouper.STOP_WORDS.contains(sf[1][k]);
        w[k] = stop[k] ? idf * QuoteGrouper.STOP_WORD_WEIGHT : idf;
        total += w[k];
      }
      out.add(new Weighed(sf[0], stop, w, total));
    }
    return out;
  }

  /**
   * The stem of one word as {@link #weigh} reads texts: accents dropped, lower case, its first
   * run of letters and digits (a hyphen or apostrophe ends it) stemmed; null for a single letter
   * or no letter.
   */
  public static String stem(String word, WordStemmer stemmer) {
    int s = 0;
    while (s < word.length() && !Character.isLetterOrDigit(word.charAt(s))) {
      s++;
    }
    int e = s;
    while (e < word.length() && Character.isLetterOrDigit(word.charAt(e))) {
      e++;
    }
    if (e - s < 2 && !(e > s && Character.isDigit(word.charAt(s)))) {
      return null;
    }
    return stemmer.stem(SpeakerNames.fold(word.substring(s, e)));
  }

  /** Stems both texts hold that are not stop words (exact stems, no spelling variants). */
  public static int sharedContentStems(Weighed a, Weighed b) {
    return (int) overlap(a, b, true);
  }

  /**
   * The Dice overlap of two texts' weights counting exact stems only (no spelling variants): the
   * weight of the stems both hold over their mean weight, in [0, 1]: cheap enough to tell which
   * of many pairs of texts are worth a closer look.
   */
  public static double exactDice(Weighed a, Weighed b) {
    double total = a.total + b.total;
    return total == 0 ? 0 : 2 * overlap(a, b, false) / total;
  }

  /**
   * Over the stems both texts hold: their count, stop words left out ({@code count}), or the sum
   * of the lesser of their two weights.
   */
  private static double overlap(Weighed a, Weighed b, boolean count) {
    String[] sa = a.stems;
    String[] sb = b.stems;
    double shared = 0;
    int x = 0;
    int y = 0;
    while (x < sa.length && y < sb.length) {
      int c = sa[x].compareTo(sb[y]);
      if (c == 0) {
        if (!count) {
          shared += Math.min(a.weights[x], b.weights[y]);
        } else if (!a.stop[x]) {
          shared++;
        }
        x++;
        y++;
      } else if (c < 0) {
        x++;
      } else {
        y++;
      }
    }
    return shared;
  }
}
