package dev.refrain.bench.corpus;

import java.util.HashSet;
import java.util.Set;

/**
 * A synthetic vocabulary, fixed by its seed: {@code size} distinct pronounceable lower-case words
 * ranked by frequency, drawn from a Zipf distribution (probability of rank r proportional to
 * 1/r^exponent) in O(1) per word with Walker's alias method; plus a list of capitalized names.
 * Frequent ranks get short words, as in English, so text averages about 6 bytes a word with its
 * space and punctuation.
 */
public final class Vocabulary {
  private static final String[] ONSETS = {
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
    "br", "ch", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "sk", "st", "th", "tr", ""
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "y"};
  private static final String[] CODAS = {"", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st"};

  private final String[] words;
  private final String[] names;
  private final double[] probability;
  private final int[] alias;

  public Vocabulary(long seed, int size, double exponent, int nameCount) {
    Rng rng = Rng.of(seed, 0x766f6361L);
    Set<String> seen = new HashSet<>();
    words = new String[size];
    for (int r = 0; r < size; r++) {
      int syllables = r < 100 ? 1 : r < 3000 ? 1 + rng.nextInt(2) : rng.chance(0.7) ? 2 : 3;
      String w;
      int tries = 0;
      do {
        // a syllable more after a few collisions, so short words running out never stalls
        w = word(rng, syllables + tries++ / 8);
      } while (w.length() < 2 || !seen.add(w));
      words[r] = w;
    }
    names = new String[nameCount];
    for (int i = 0; i < nameCount; i++) {
      String w;
      do {
        w = word(rng, 2 + rng.nextInt(2));
      } while (w.length() < 4 || !seen.add(w));
      names[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    double[] weight = new double[size];
    double sum = 0;
    for (int r = 0; r < size; r++) {
      weight[r] = 1.0 / Math.pow(r + 1, exponent);
      sum += weight[r];
    }
    probability = new double[size];
    alias = new int[size];
    buildAlias(weight, sum);
  }

  private static String word(Rng rng, int syllables) {
    StringBuilder sb = new StringBuilder(12);
    for (int s = 0; s < syllables; s++) {
      sb.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)]);
      if (s == syllables - 1 || rng.chance(0.1)) {
        sb.append(CODAS[rng.nextInt(CODAS.length)]);
      }
    }
    return sb.toString();
  }

  /** Vose's alias method: O(size) setup, O(1) draws. */
  private void buildAlias(double[] weight, double sum) {
    int n = weight.length;
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weight[i] * n / sum;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      probability[large[--nl]] = 1.0;
    }
    while (ns > 0) {
      probability[small[--ns]] = 1.0;
    }
  }

  /** A word rank drawn from the Zipf distribution. */
  public int rank(Rng rng) {
    long bits = rng.nextLong();
    int column = (int) (((bits >>> 32) * words.length) >>> 32);
    double u = (bits & 0xFFFFFFFFL) * 0x1.0p-32;
    return u < probability[column] ? column : alias[column];
  }

  /** A word drawn from the Zipf distribution. */
  public String word(Rng rng) {
    return words[rank(rng)];
  }

  /** A word drawn uniformly from the less frequent half: titles, topics. */
  public String rareWord(Rng rng) {
    return words[words.length / 2 + rng.nextInt(words.length - words.length / 2)];
  }

  public String wordAt(int rank) {
    return words[rank];
  }

  /** A capitalized name, uniformly. */
  public String name(Rng rng) {
    return names[rng.nextInt(names.length)];
  }

  public int size() {
    return words.length;
  }
}
