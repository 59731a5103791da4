package dev.refrain.kernel;

import java.util.List;

/**
 * Two articles and the passages they share; {@code a <= b} (equal for a passage repeated inside
 * one article).
 *
 * @param a article number of the first
 * @param b article number of the second
 * @param passages sorted by their start in a
 * @param containmentA share of a's words inside the passages shared with b
 * @param containmentB likewise for b
 * @param jaccard exact Jaccard similarity of the two articles' shingle sets
 */
public record ArticlePair(
    int a,
    int b,
    List<SharedPassage> passages,
    double containmentA,
    double containmentB,
    double jaccard) implements java.io.Serializable {

  /** Words on the a side of the longest passage, 0 if there is none. */
  public int longestPassageWords() {
    return passages.stream().mapToInt(p -> p.passage().wordsA()).max().orElse(0);
  }
}
