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

  /** A text's stems and their weights among the texts weighed with it. */
  public static final class Weighed {
    private final QuoteGrouper.Stems stems;

    private Weighed(QuoteGrouper.Stems stems) {
      this.stems = stems;
    }

    /** Whether this text holds {@code stem} from a word that is not a stop word. */
    public boolean content(String stem) {
      int at = java.util.Arrays.binarySearch(stems.stems(), stem);
      return at >= 0 && !QuoteGrouper.STOP_WORDS.contains(stems.forms()[at]);
    }
  }

  /**
   * The texts' stems, weighed by inverse document frequency among them (each text one
   * document).
   */
  public static List<Weighed> weigh(List<String> texts) {
    WordStemmer stemmer = new WordStemmer();
    List<String[][]> raw = new ArrayList<>(texts.size());
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      String[][] sf = QuoteGrouper.stems(t, stemmer);
      raw.add(sf);
      for (String s : sf[0]) {
        df.merge(s, 1, Integer::sum);
      }
    }
    List<Weighed> out = new ArrayList<>(raw.size());
    for (String[][] sf : raw) {
      out.add(new Weighed(QuoteGrouper.weighed(sf, df, texts.size())));
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
    return QuoteGrouper.shared(a.stems, b.stems);
  }

  /**
   * The Dice overlap of two texts' weights counting exact stems only (no spelling variants): the
   * weight of the stems both hold over their mean weight, in [0, 1]: cheap enough to tell which
   * of many pairs of texts are worth a closer look.
   */
  public static double exactDice(Weighed a, Weighed b) {
    String[] sa = a.stems.stems();
    String[] sb = b.stems.stems();
    double shared = 0;
    int x = 0;
    int y = 0;
    while (x < sa.length && y < sb.length) {
      int c = sa[x].compareTo(sb[y]);
      if (c == 0) {
        shared += Math.min(a.stems.weights()[x], b.stems.weights()[y]);
        x++;
        y++;
      } else if (c < 0) {
        x++;
      } else {
        y++;
      }
    }
    double total = a.stems.total() + b.stems.total();
    return total == 0 ? 0 : 2 * shared / total;
  }
}
