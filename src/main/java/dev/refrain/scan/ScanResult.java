package dev.refrain.scan;

import dev.refrain.cluster.Cluster;
import dev.refrain.diff.Edit;
import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.normalize.Tokens;
import dev.refrain.template.Templates;
import java.util.List;

/**
 * What a scan found, in the engine's own terms (the report model is built from it by {@code
 * ReportMapper}). Articles are numbered by their position in {@link #articles()}.
 *
 * @param articles the scanned articles, sorted by id
 * @param tokens each article's words, by article number
 * @param templateMasks each article's template words, by article number: sorted word ranges
 *     {@code [from, to, ...]} masked before alignment
 * @param pairs pairs sharing at least one passage, ranked: most shared first
 * @param clusters passages recurring in three or more articles, largest first
 * @param templates the template text learned from the articles, each reported once
 * @param candidatePairs pairs proposed by shared fingerprints (all verified; {@code pairs} are
 *     those that held)
 * @param cappedFingerprints fingerprints held by more than {@code maxBucket} articles, which
 *     proposed no pairs
 */
public record ScanResult(
    DetectorOptions options,
    List<Article> articles,
    List<Tokens> tokens,
    List<int[]> templateMasks,
    List<ArticlePair> pairs,
    List<ClusterResult> clusters,
    Templates templates,
    int candidatePairs,
    int cappedFingerprints) {

  /** Words of article {@code article} inside template text. */
  public int templateWords(int article) {
    return Templates.maskedWords(templateMasks.get(article));
  }

  /** Articles that carry template text. */
  public int templateArticles() {
    int n = 0;
    for (int[] mask : templateMasks) {
      n += mask.length > 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * A cluster with each occurrence's diff against the canonical one.
   *
   * @param similarities similarity of each occurrence to the canonical, by occurrence index
   * @param diffs edits from the canonical occurrence to each occurrence (empty for itself)
   */
  public record ClusterResult(Cluster cluster, List<Double> similarities, List<List<Edit>> diffs) {}
}
