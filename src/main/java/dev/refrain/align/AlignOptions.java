package dev.refrain.align;

/**
 * Settings of the passage aligner.
 *
 * @param shingleSize words per shingle the texts were shingled with, 1 to 32
 * @param minWords a passage needs at least this many words on each side, 1 to 100000
 * @param maxGap the longest run of differing words (on either side) a passage bridges, 0 to 100
 * @param minSimilarity a passage needs at least this similarity, 0 to 1
 */
public record AlignOptions(int shingleSize, int minWords, int maxGap, double minSimilarity) implements java.io.Serializable {

  public static final AlignOptions DEFAULTS = new AlignOptions(5, 8, 8, 0.5);

  public AlignOptions {
    check("shingleSize", shingleSize, 1, 32);
    check("minWords", minWords, 1, 100_000);
    check("maxGap", maxGap, 0, 100);
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be 0 to 1, was " + minSimilarity);
    }
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be " + min + " to " + max + ", was " + value);
    }
  }
}
