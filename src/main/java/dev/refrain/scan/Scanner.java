package dev.refrain.scan;

import dev.refrain.align.Passage;
import dev.refrain.cluster.Cluster;
import dev.refrain.cluster.ClusterFinder;
import dev.refrain.cluster.Link;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Parallel;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.normalize.Tokens;
import dev.refrain.template.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The all-pairs strategy over the detection kernel: which pairs of a set of articles to compare.
 *
 * <p>Prepare every article, learn templates once from fingerprint document frequencies, drop
 * template fingerprints, propose as candidates the pairs sharing a remaining fingerprint (from a
 * sort, capped per fingerprint), align each candidate outside template words, cluster the
 * passages, diff them and measure containment. A scan of the same articles with the same options
 * gives the same result, whatever the number of threads.
 */
public final class Scanner {
  private final DetectorOptions options;
  private final Detector detector;

  public Scanner(DetectorOptions options) {
    this.options = options;
    this.detector = new Detector(options);
  }

  public Detector detector() {
    return detector;
  }

  /** Scans the articles (any order; the result sorts them by id). */
  public ScanResult scan(List<Article> input, ProgressListener listener) {
    List<Article> articles = input.stream().sorted(Comparator.comparing(Article::id)).toList();
    int n = articles.size();
    try (Parallel parallel = new Parallel(options.threads())) {
      listener.stageStarted("prepare", n);
      List<PreparedArticle> prepared =
          parallel.map(n, i -> detector.prepare(articles.get(i)), listener);
      listener.stageFinished();

      listener.stageStarted("templates", 1);
      FingerprintTable table =
          FingerprintTable.build(n, a -> prepared.get(a).fingerprints().hashes());
      Templates templates = detector.learnTemplates(prepared, table);
      List<int[]> masks = parallel.map(n, i -> detector.mask(prepared.get(i), templates),
          ProgressListener.NONE);
      listener.stageFinished();
      listener.stageStarted("candidates", 1);
      if (!templates.isEmpty()) {
        Templates.KeyMatcher template = templates.byKey(table::key);
        table.retain((a, key) -> !template.isTemplate(prepared.get(a).sourceKey(), key));
      }
      CandidatePairs.Result found =
          CandidatePairs.find(table, options.maxBucket(), parallel.pool(), parallel.threads());
      table = null;
      long[] pairs = withSelfPairs(found.pairs(), prepared, templates, parallel);
      listener.stageFinished();

      listener.stageStarted("align", pairs.length);
      List<List<Passage>> aligned =
          parallel.map(
              pairs.length,
              p -> {
                int a = CandidatePairs.first(pairs[p]);
                int b = CandidatePairs.second(pairs[p]);
                return detector.align(prepared.get(a), masks.get(a), prepared.get(b), masks.get(b));
              },
              listener);
      listener.stageFinished();

      List<Link> links = new ArrayList<>();
      int[] firstLink = new int[pairs.length + 1];
      for (int p = 0; p < pairs.length; p++) {
        int a = CandidatePairs.first(pairs[p]);
        int b = CandidatePairs.second(pairs[p]);
        for (Passage x : aligned.get(p)) {
          links.add(
              new Link(a, x.aFromWord(), x.aToWord(), b, x.bFromWord(), x.bToWord(),
                  x.similarity()));
        }
        firstLink[p + 1] = links.size();
      }
      listener.stageStarted("clusters", 1);
      ClusterFinder.Result clustered =
          new ClusterFinder(DetectorOptions.CLUSTER_MIN_ARTICLES).find(links);
      listener.stageFinished();

      listener.stageStarted("diff", pairs.length);
      List<ArticlePair> finished =
          parallel.map(
              pairs.length,
              p -> {
                List<Passage> passages = aligned.get(p);
                if (passages.isEmpty()) {
                  return null;
                }
                int a = CandidatePairs.first(pairs[p]);
                int b = CandidatePairs.second(pairs[p]);
                List<SharedPassage> shared = new ArrayList<>();
                for (int i = 0; i < passages.size(); i++) {
                  shared.add(
                      detector.share(
                          passages.get(i), prepared.get(a).tokens(), prepared.get(b).tokens(),
                          clustered.clusterOfLink()[firstLink[p] + i]));
                }
                return Detector.pair(a, b, prepared.get(a), prepared.get(b), shared);
              },
              listener);
      listener.stageFinished();
      List<ArticlePair> results = new ArrayList<>();
      for (ArticlePair pair : finished) {
        if (pair != null) {
          results.add(pair);
        }
      }
      results.sort(RANKING);

      List<ScanResult.ClusterResult> clusters = new ArrayList<>();
      for (Cluster c : clustered.clusters()) {
        clusters.add(clusterResult(c, prepared));
      }
      List<Tokens> tokens = prepared.stream().map(PreparedArticle::tokens).toList();
      return new ScanResult(
          options, articles, tokens, masks, results, clusters, templates, pairs.length,
          found.cappedFingerprints());
    }
  }

  /** The candidate pairs with each article that may repeat a passage paired with itself. */
  private long[] withSelfPairs(
      long[] pairs, List<PreparedArticle> prepared, Templates templates, Parallel parallel) {
    List<Boolean> repeats =
        parallel.map(
            prepared.size(), i -> detector.mayRepeat(prepared.get(i), templates),
            ProgressListener.NONE);
    int self = (int) repeats.stream().filter(Boolean::booleanValue).count();
    if (self == 0) {
      return pairs;
    }
    long[] all = Arrays.copyOf(pairs, pairs.length + self);
    int k = pairs.length;
    for (int i = 0; i < repeats.size(); i++) {
      if (repeats.get(i)) {
        all[k++] = CandidatePairs.encode(i, i);
      }
    }
    Arrays.sort(all);
    return all;
  }

  /**
   * Compares two articles directly, without candidate search, templates or clustering: the
   * passages they share, with diffs, containment both ways and exact Jaccard. Articles are
   * numbered 0 ({@code a}) and 1 ({@code b}) in the result.
   */
  public ArticlePair compare(Article a, Article b) {
    return detector.compare(a, b);
  }

  /** Most shared first: by the larger containment, then the smaller, then the longest passage. */
  public static final Comparator<ArticlePair> RANKING =
      Comparator.comparingDouble((ArticlePair p) -> Math.max(p.containmentA(), p.containmentB()))
          .reversed()
          .thenComparing(
              Comparator.comparingDouble(
                      (ArticlePair p) -> Math.min(p.containmentA(), p.containmentB()))
                  .reversed())
          .thenComparing(Comparator.comparingInt(ArticlePair::longestPassageWords).reversed())
          .thenComparingInt(ArticlePair::a)
          .thenComparingInt(ArticlePair::b);

  private ScanResult.ClusterResult clusterResult(Cluster c, List<PreparedArticle> prepared) {
    Cluster.Occurrence canon = c.occurrences().get(c.canonical());
    Tokens canonTokens = prepared.get(canon.article()).tokens();
    List<Double> similarities = new ArrayList<>();
    List<List<Edit>> diffs = new ArrayList<>();
    for (int i = 0; i < c.occurrences().size(); i++) {
      if (i == c.canonical()) {
        similarities.add(1.0);
        diffs.add(List.of());
        continue;
      }
      Cluster.Occurrence o = c.occurrences().get(i);
      List<Edit> diff =
          detector.diff(
              canonTokens, canon.fromWord(), canon.toWord(),
              prepared.get(o.article()).tokens(), o.fromWord(), o.toWord());
      int words = (canon.toWord() - canon.fromWord()) + (o.toWord() - o.fromWord());
      similarities.add(2.0 * VariantDiffer.sharedWords(diff) / words);
      diffs.add(diff);
    }
    return new ScanResult.ClusterResult(c, similarities, diffs);
  }
}
