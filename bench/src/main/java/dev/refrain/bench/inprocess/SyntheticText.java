package dev.refrain.bench.inprocess;

import java.util.Random;

/**
 * Seeded synthetic news-like text for benchmarks: words drawn from a Zipf distribution over a
 * vocabulary of {@code vocabulary} words (exponent 1.07, close to English word frequencies), in
 * sentences of 8 to 30 words. Common words make common shingles, as in real text, so candidate
 * search meets realistic document frequencies.
 */
public final class SyntheticText {
  private final double[] cumulative;
  private final String[] words;

  public SyntheticText(int vocabulary) {
    cumulative = new double[vocabulary];
    words = new String[vocabulary];
    double sum = 0;
    for (int i = 0; i < vocabulary; i++) {
      sum += 1.0 / Math.pow(i + 1, 1.07);
      cumulative[i] = sum;
      words[i] = word(i);
    }
    for (int i = 0; i < vocabulary; i++) {
      cumulative[i] /= sum;
    }
  }

  /** A pronounceable, distinct word for rank {@code i}. */
  private static String word(int i) {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    StringBuilder sb = new StringBuilder();
    int n = i;
    do {
      sb.append(consonants.charAt(n % 16)).append(vowels.charAt((n / 16) % 5));
      n /= 80;
    } while (n > 0);
    return sb.toString();
  }

  /** Appends {@code words} words in sentences to {@code out}. */
  public void append(StringBuilder out, Random random, int count) {
    int left = 0;
    for (int i = 0; i < count; i++) {
      if (left == 0) {
        left = 8 + random.nextInt(23);
      }
      String w = words[rank(random.nextDouble())];
      if (out.length() > 0 && out.charAt(out.length() - 1) == ' ' && left == -1) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      out.append(w);
      left--;
      out.append(left == 0 ? ". " : " ");
    }
  }

  /** An article of {@code count} words. */
  public String article(Random random, int count) {
    StringBuilder sb = new StringBuilder(count * 7);
    append(sb, random, count);
    return sb.toString();
  }

  private int rank(double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
