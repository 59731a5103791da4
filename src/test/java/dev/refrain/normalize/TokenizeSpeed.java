package dev.refrain.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Measures {@link TextNormalizer#tokenize} against the Lucene-only tokenization it replaced
 * ({@link TextNormalizer#tokenizeWithLucene}), side by side in the calling thread, for {@link
 * TokenizeSpeedTest} to print. A test helper: a measurement is no part of the product jar.
 *
 * <p>Each round reads every text once with each reader, the two in turn, so that a machine
 * shared with other jobs slows both alike; a first round warms both up and is not counted. Speeds
 * are in MB/s, 10^6 characters (UTF-16 code units) a second: bytes a second for ASCII text.
 */
final class TokenizeSpeed {

  /**
   * One reader's speeds over the counted rounds, in MB/s, and the words it found in one round (the
   * same for both readers, and a use of their output that the JIT cannot drop).
   */
  public record Measure(String reader, double min, double median, double max, long words) {}

  private TokenizeSpeed() {}

  /**
   * The speeds of the fast reader and of Lucene alone over {@code rounds} rounds (at least 1) of
   * {@code texts}, fast first.
   */
  public static List<Measure> compare(List<String> texts, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, not " + rounds);
    }
    TextNormalizer normalizer = new TextNormalizer();
    List<Function<String, Tokens>> readers =
        List.of(normalizer::tokenize, normalizer::tokenizeWithLucene);
    long chars = 0;
    for (String text : texts) {
      chars += text.length();
    }
    double[][] speeds = new double[readers.size()][rounds];
    long[] words = new long[readers.size()];
    for (int round = -1; round < rounds; round++) {
      for (int r = 0; r < readers.size(); r++) {
        long start = System.nanoTime();
        long found = 0;
        for (String text : texts) {
          found += readers.get(r).apply(text).size();
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        words[r] = found;
        if (round >= 0) {
          speeds[r][round] = chars * 1e3 / nanos;
        }
      }
    }
    List<Measure> out = new ArrayList<>();
    String[] names = {"tokenize", "tokenizeWithLucene"};
    for (int r = 0; r < readers.size(); r++) {
      double[] s = speeds[r];
      Arrays.sort(s);
      double median = rounds % 2 == 1 ? s[rounds / 2] : (s[rounds / 2 - 1] + s[rounds / 2]) / 2;
      out.add(new Measure(names[r], s[0], median, s[rounds - 1], words[r]));
    }
    return out;
  }
}
