package dev.refrain.scan;

import dev.refrain.align.Passage;
import dev.refrain.cluster.Cluster;
import dev.refrain.diff.Edit;
import dev.refrain.document.Article;
import dev.refrain.normalize.Tokens;
import java.util.List;

/**
 * What a scan found, in the engine's own terms (the report model is built from it by {@code
 * ReportMapper}). Articles are numbered by their position in {@link #articles()}.
 *
 * @param articles the scanned articles, sorted by id
 * @param tokens each article's words, by article number
 * @param pairs pairs sharing at least one passage, ranked: most shared first
 * @param clusters passages recurring in three or more articles, largest first
 * @param candidatePairs pairs LSH proposed (all verified; {@code pairs} are those that held)
 */
public record ScanResult(
    ScanOptions options,
    List<Article> articles,
    List<Tokens> tokens,
    List<Pair> pairs,
    List<ClusterResult> clusters,
    int candidatePairs) {

  /**
   * Two articles and the passages they share; {@code a <= b} (equal for a passage repeated inside
   * one article).
   *
   * @param containmentA share of a's words inside non-boilerplate passages shared with b
   * @param containmentB likewise for b
   * @param jaccard exact Jaccard similarity of the two articles' shingle sets
   */
  public record Pair(
      int a,
      int b,
      List<SharedPassage> passages,
      double containmentA,
      double containmentB,
      double jaccard) {

    /** Words on the a side of the longest non-boilerplate passage, 0 if there is none. */
    public int longestPassageWords() {
      return passages.stream()
          .filter(p -> !p.boilerplate())
          .mapToInt(p -> p.passage().wordsA())
          .max()
          .orElse(0);
    }
  }

  /**
   * A passage with what the later stages found of it.
   *
   * @param similarity share of words the sides have in common by the variant diff, in [0, 1]
   * @param cluster index into {@link ScanResult#clusters()}, or -1
   * @param diff word-level edits from the a side to the b side
   */
  public record SharedPassage(
      Passage passage, double similarity, boolean boilerplate, int cluster, List<Edit> diff) {

    public boolean verbatim() {
      return diff.stream().allMatch(e -> e.kind() == Edit.Kind.EQUAL);
    }
  }

  /**
   * A cluster with each occurrence's diff against the canonical one.
   *
   * @param similarities similarity of each occurrence to the canonical, by occurrence index
   * @param diffs edits from the canonical occurrence to each occurrence (empty for itself)
   */
  public record ClusterResult(Cluster cluster, List<Double> similarities, List<List<Edit>> diffs) {}
}
