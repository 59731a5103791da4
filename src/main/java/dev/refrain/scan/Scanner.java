package dev.refrain.scan;

import dev.refrain.align.Passage;
import dev.refrain.cluster.Cluster;
import dev.refrain.cluster.ClusterFinder;
import dev.refrain.cluster.Link;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.document.Article;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.normalize.Tokens;
import dev.refrain.scan.Stages.PreparedArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the scan pipeline over a set of articles, stage by stage: normalize, shingle, LSH
 * candidates from MinHash windows, exact alignment of each candidate pair, clusters and
 * boilerplate, variant diffs, containment.
 *
 * <p>The stages are plain serializable objects with no global state, so the same ones can run
 * on a distributed engine. A scan of the same articles with the same options gives the same
 * result, whatever the number of threads.
 */
public final class Scanner {
  private final ScanOptions options;
  private final Stages stages;

  public Scanner(ScanOptions options) {
    this.options = options;
    this.stages = new Stages(options);
  }

  /** Scans the articles (any order; the result sorts them by id). */
  public ScanResult scan(List<Article> input, ScanListener listener) {
    List<Article> articles =
        input.stream().sorted(Comparator.comparing(Article::id)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      listener.stageStarted("prepare", articles.size());
      List<PreparedArticle> prepared =
          parallel(pool, articles.size(), i -> stages.prepare(articles.get(i)), listener);
      listener.stageFinished();

      CandidatePairs candidates = new CandidatePairs(options.maxBucket());
      for (int i = 0; i < prepared.size(); i++) {
        candidates.add(i, prepared.get(i).keys());
      }
      long[] pairs = candidates.pairs();

      listener.stageStarted("align", pairs.length);
      List<List<Passage>> aligned =
          parallel(
              pool,
              pairs.length,
              p -> {
                int a = CandidatePairs.first(pairs[p]);
                int b = CandidatePairs.second(pairs[p]);
                return stages.align(prepared.get(a), prepared.get(b));
              },
              listener);
      listener.stageFinished();

      List<Link> links = new ArrayList<>();
      for (int p = 0; p < pairs.length; p++) {
        int a = CandidatePairs.first(pairs[p]);
        int b = CandidatePairs.second(pairs[p]);
        for (Passage x : aligned.get(p)) {
          links.add(
              new Link(a, x.aFromWord(), x.aToWord(), b, x.bFromWord(), x.bToWord(),
                  x.similarity()));
        }
      }
      int[] words = prepared.stream().mapToInt(x -> x.tokens().size()).toArray();
      ClusterFinder.Result clustered =
          new ClusterFinder(ScanOptions.CLUSTER_MIN_ARTICLES, options.boilerplateMinArticles())
              .find(links, words);

      // Link numbers of each pair's first passage, so pairs can be finished in parallel.
      int[] firstLink = new int[pairs.length + 1];
      for (int p = 0; p < pairs.length; p++) {
        firstLink[p + 1] = firstLink[p] + aligned.get(p).size();
      }
      listener.stageStarted("diff", pairs.length);
      List<ScanResult.Pair> finished =
          parallel(
              pool,
              pairs.length,
              p -> {
                List<Passage> passages = aligned.get(p);
                if (passages.isEmpty()) {
                  return null;
                }
                int a = CandidatePairs.first(pairs[p]);
                int b = CandidatePairs.second(pairs[p]);
                List<ScanResult.SharedPassage> shared = new ArrayList<>();
                for (int i = 0; i < passages.size(); i++) {
                  int link = firstLink[p] + i;
                  shared.add(
                      stages.share(
                          passages.get(i), prepared.get(a).tokens(), prepared.get(b).tokens(),
                          clustered.boilerplateLinks()[link], clustered.clusterOfLink()[link]));
                }
                return Stages.pair(a, b, prepared.get(a), prepared.get(b), shared);
              },
              listener);
      listener.stageFinished();
      List<ScanResult.Pair> results = new ArrayList<>();
      for (ScanResult.Pair pair : finished) {
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
      return new ScanResult(options, articles, tokens, results, clusters, pairs.length);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Compares two articles directly, without LSH or clustering (nothing is boilerplate): the
   * passages they share, with diffs, containment both ways and exact Jaccard. Articles are
   * numbered 0 ({@code a}) and 1 ({@code b}) in the result. For evaluation on labelled pairs and
   * for library callers who already know which pair to check.
   */
  public ScanResult.Pair compare(Article a, Article b) {
    PreparedArticle pa = stages.prepareForAlignment(a);
    PreparedArticle pb = stages.prepareForAlignment(b);
    List<ScanResult.SharedPassage> shared = new ArrayList<>();
    for (Passage x : stages.align(pa, pb)) {
      shared.add(stages.share(x, pa.tokens(), pb.tokens(), false, -1));
    }
    return Stages.pair(0, 1, pa, pb, shared);
  }

  /** Most shared first: by the larger containment, then the smaller, then the longest passage. */
  static final Comparator<ScanResult.Pair> RANKING =
      Comparator.comparingDouble(
              (ScanResult.Pair p) -> Math.max(p.containmentA(), p.containmentB()))
          .reversed()
          .thenComparing(
              Comparator.comparingDouble(
                      (ScanResult.Pair p) -> Math.min(p.containmentA(), p.containmentB()))
                  .reversed())
          .thenComparing(
              Comparator.comparingInt(ScanResult.Pair::longestPassageWords).reversed())
          .thenComparingInt(ScanResult.Pair::a)
          .thenComparingInt(ScanResult.Pair::b);

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
          stages.diff(
              canonTokens, canon.fromWord(), canon.toWord(),
              prepared.get(o.article()).tokens(), o.fromWord(), o.toWord());
      int words = (canon.toWord() - canon.fromWord()) + (o.toWord() - o.fromWord());
      similarities.add(2.0 * VariantDiffer.sharedWords(diff) / words);
      diffs.add(diff);
    }
    return new ScanResult.ClusterResult(c, similarities, diffs);
  }

  /** Runs {@code task} for 0..n-1 on the pool; results in index order. */
  private static <T> List<T> parallel(
      ExecutorService pool, int n, IntFunction<T> task, ScanListener listener) {
    int chunk = Math.max(1, Math.min(256, n / 64));
    List<Future<List<T>>> futures = new ArrayList<>();
    for (int from = 0; from < n; from += chunk) {
      int start = from;
      int end = Math.min(n, from + chunk);
      futures.add(
          pool.submit(
              () -> {
                List<T> out = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                  out.add(task.apply(i));
                }
                return out;
              }));
    }
    List<T> results = new ArrayList<>(n);
    try {
      for (Future<List<T>> f : futures) {
        List<T> part = f.get();
        results.addAll(part);
        listener.advanced(part.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    return results;
  }
}
