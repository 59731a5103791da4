package dev.refrain.scan;

import dev.refrain.cluster.Cluster;
import dev.refrain.diff.Edit;
import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.ArticleStore;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.normalize.Tokens;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.template.Templates;
import java.util.AbstractList;
import java.util.List;

/**
 * What a scan found, in the engine's own terms (the report model is built from it by {@code
 * ReportMapper}). Articles are numbered by id, as in {@link #store()}.
 *
 * @param store the scanned articles; their texts and words are read from it as needed
 * @param templateWords each article's words inside template text, by article number
 * @param pairs pairs sharing at least one passage, ranked: most shared first
 * @param clusters passages recurring in three or more articles, largest first
 * @param templates the template text learned from the articles, each reported once
 * @param candidatePairs pairs proposed by shared fingerprints (all verified; {@code pairs} are
 *     those that held)
 * @param cappedFingerprints fingerprints held by more than {@code maxBucket} articles, which
 *     proposed stars, not all their pairs
 * @param caps what the bucket cap left out
 * @param quoteFamilies quotations two or more articles render, with their speakers, largest
 *     first (renderings numbered by article, as in {@link #store()})
 */
public record ScanResult(
    DetectorOptions options,
    ArticleStore store,
    int[] templateWords,
    List<ArticlePair> pairs,
    List<ClusterResult> clusters,
    Templates templates,
    int candidatePairs,
    int cappedFingerprints,
    CandidatePairs.Caps caps,
    List<QuoteFamily> quoteFamilies) {

  /** A result from a search that capped nothing it reports, without quote families. */
  public ScanResult(
      DetectorOptions options, ArticleStore store, int[] templateWords, List<ArticlePair> pairs,
      List<ClusterResult> clusters, Templates templates, int candidatePairs,
      int cappedFingerprints) {
    this(options, store, templateWords, pairs, clusters, templates, candidatePairs,
        cappedFingerprints, CandidatePairs.Caps.none(options.maxBucket()), List.of());
  }

  /** A result without quote families. */
  public ScanResult(
      DetectorOptions options, ArticleStore store, int[] templateWords, List<ArticlePair> pairs,
      List<ClusterResult> clusters, Templates templates, int candidatePairs,
      int cappedFingerprints, CandidatePairs.Caps caps) {
    this(options, store, templateWords, pairs, clusters, templates, candidatePairs,
        cappedFingerprints, caps, List.of());
  }

  /** The scanned articles with their texts, by number (read from the store on each call). */
  public List<Article> articles() {
    return new AbstractList<>() {
      @Override
      public Article get(int i) {
        return store.article(i);
      }

      @Override
      public int size() {
        return store.size();
      }
    };
  }

  /** Each article's words, by number (prepared again when the store spooled the articles). */
  public List<Tokens> tokens() {
    return new AbstractList<>() {
      @Override
      public Tokens get(int i) {
        return store.prepared(i).tokens();
      }

      @Override
      public int size() {
        return store.size();
      }
    };
  }

  /** Words of article {@code article} inside template text. */
  public int templateWords(int article) {
    return templateWords[article];
  }

  /** The template words of an article: sorted word ranges {@code [from, to, ...]}. */
  public int[] templateMask(int article) {
    var prepared = store.prepared(article);
    return templates.mask(
        prepared.sourceKey(), prepared.shingles(), prepared.fingerprints().positions(),
        options.shingleSize());
  }

  /** Articles that carry template text. */
  public int templateArticles() {
    int n = 0;
    for (int words : templateWords) {
      n += words > 0 ? 1 : 0;
    }
    return n;
  }

  /**
   * A cluster with each occurrence's diff against the canonical one.
   *
   * @param similarities similarity of each occurrence to the canonical, by occurrence index
   * @param diffs edits from the canonical occurrence to each occurrence (empty for itself)
   * @param spans each occurrence's characters {@code {start, end}} in its article's text
   */
  public record ClusterResult(
      Cluster cluster, List<Double> similarities, List<List<Edit>> diffs, List<int[]> spans) {}
}
