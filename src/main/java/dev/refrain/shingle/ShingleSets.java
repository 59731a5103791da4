package dev.refrain.shingle;

/** Exact set arithmetic on sorted arrays of shingle hashes (duplicates allowed and ignored). */
public final class ShingleSets {
  private ShingleSets() {}

  /**
   * The exact Jaccard similarity {@code |A ∩ B| / |A ∪ B|} of two sets of shingle hashes, each
   * given sorted ascending; 0 when both are empty.
   */
  public static double jaccard(long[] sortedA, long[] sortedB) {
    int i = 0;
    int j = 0;
    long both = 0;
    long either = 0;
    while (i < sortedA.length || j < sortedB.length) {
      long next;
      if (j == sortedB.length || (i < sortedA.length && sortedA[i] < sortedB[j])) {
        next = sortedA[i];
      } else {
        next = sortedB[j];
      }
      boolean inA = i < sortedA.length && sortedA[i] == next;
      boolean inB = j < sortedB.length && sortedB[j] == next;
      if (inA && inB) {
        both++;
      }
      either++;
      while (i < sortedA.length && sortedA[i] == next) {
        i++;
      }
      while (j < sortedB.length && sortedB[j] == next) {
        j++;
      }
    }
    return either == 0 ? 0 : (double) both / either;
  }
}
