package dev.refrain.shingle;

/** Exact set arithmetic on sorted arrays of shingle hashes (duplicates allowed and ignored). */
public final class ShingleSets {
  private ShingleSets() {}

  /**
   * The exact Jaccard similarity {@code |A ∩ B| / |A ∪ B|} of two sets of shingle hashes, each
   * given sorted ascending; 0 when both are empty.
   */
  public static double jaccard(long[] sortedA, long[] sortedB) {
    return jaccard(sortedA, sortedB, 0);
  }

  /**
   * The Jaccard similarity of two sorted arrays whose values are compared without their {@code
   * lowBits} (the aligner's sorted shingles hold positions there): {@code |A ∩ B| / |A ∪ B|} of
   * the values {@code x & ~lowBits}.
   */
  public static double jaccard(long[] sortedA, long[] sortedB, long lowBits) {
    long keep = ~lowBits;
    int i = 0;
    int j = 0;
    long both = 0;
    long either = 0;
    while (i < sortedA.length || j < sortedB.length) {
      long a = i < sortedA.length ? sortedA[i] & keep : 0;
      long b = j < sortedB.length ? sortedB[j] & keep : 0;
      long next;
      if (j == sortedB.length || (i < sortedA.length && a < b)) {
        next = a;
      } else {
        next = b;
      }
      boolean inA = i < sortedA.length && a == next;
      boolean inB = j < sortedB.length && b == next;
      if (inA && inB) {
        both++;
      }
      either++;
      while (i < sortedA.length && (sortedA[i] & keep) == next) {
        i++;
      }
      while (j < sortedB.length && (sortedB[j] & keep) == next) {
        j++;
      }
    }
    return either == 0 ? 0 : (double) both / either;
  }
}
