package dev.refrain.scan;

import dev.refrain.align.Passage;
import dev.refrain.cluster.Cluster;
import dev.refrain.cluster.ClusterFinder;
import dev.refrain.cluster.Link;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.document.Article;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.ArticleStore;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Parallel;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.PreparedCorpus;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.lsh.CandidatePairs;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.TokenBuffer;
import dev.refrain.normalize.Tokens;
import dev.refrain.quote.Quote;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.quote.QuoteFinder;
import dev.refrain.quote.Rendering;
import dev.refrain.template.TemplateCorpus;
import dev.refrain.template.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The all-pairs strategy over the detection kernel: which pairs of a set of articles to compare.
 *
 * <p>Learn templates once from fingerprint document frequencies, drop template fingerprints,
 * propose as candidates the pairs sharing a remaining fingerprint (from a sort, capped per
 * fingerprint), align each candidate outside template words and diff its passages, then cluster
 * the passages. Articles come from an {@link ArticleStore}: prepared in memory, or spooled, when
 * candidates are aligned a block of articles at a time, each block's articles and their partners
 * prepared again once. A scan of the same articles with the same options gives the same result,
 * whatever the number of threads and however the articles are stored.
 */
public final class Scanner {
  /**
   * Heap bytes an article prepared again takes per word, as measured: text, word hashes and
   * offsets, shingles, the aligner's sorted shingles and the template mask.
   */
  static final long PREPARED_BYTES_PER_WORD = 64;

  /** Fewest words a block of a spooled scan prepares, whatever the heap. */
  static final long MIN_BLOCK_WORDS = 1 << 20;

  private final DetectorOptions options;
  private final Detector detector;
  private final long blockWords;

  /** A scanner whose spooled scans size their blocks from the heap left free. */
  public Scanner(DetectorOptions options) {
    this(options, 0);
  }

  /**
   * A scanner whose spooled scans prepare blocks of about {@code blockWords} words, their
   * partners' words included; 0 sizes them from the heap.
   */
  Scanner(DetectorOptions options, long blockWords) {
    this.options = options;
    this.detector = new Detector(options);
    this.blockWords = blockWords;
  }

  public Detector detector() {
    return detector;
  }

  /** Scans the articles (any order; the result numbers them by id), prepared in memory. */
  public ScanResult scan(List<Article> input, ProgressListener listener) {
    List<PreparedArticle> prepared;
    try (Parallel parallel = new Parallel(options.threads())) {
      listener.stageStarted("prepare", input.size());
      prepared =
          parallel.map(
              input.size(),
              TokenBuffer::new,
              (buffer, i) -> detector.prepare(input.get(i), buffer),
              listener);
      listener.stageFinished();
    }
    return scan(ArticleStore.inMemory(prepared), listener);
  }

  /**
   * Scans the articles of a store, once: the store may drop its fingerprints' hashes when the
   * candidate pairs are found ({@link ArticleStore#dropFingerprintHashes}).
   */
  public ScanResult scan(ArticleStore store, ProgressListener listener) {
    int n = store.size();
    try (Parallel parallel = new Parallel(options.threads())) {
      listener.stageStarted("templates", 1);
      FingerprintTable table = FingerprintTable.build(n, a -> store.fingerprints(a).hashes());
      Templates templates = detector.templateLearner().learn(corpus(store), table);
      listener.stageFinished();

      listener.stageStarted("candidates", 1);
      Templates.KeyMatcher template = templates.byKey(table::key);
      long[] idKeys = new long[n];
      for (int a = 0; a < n; a++) {
        idKeys[a] = CandidatePairs.idKey(store.info(a).id());
      }
      CandidatePairs.Result found =
          CandidatePairs.find(
              table, options.maxBucket(), parallel.pool(), parallel.threads(),
              new CandidatePairs.HolderFilter() {
                @Override
                public boolean mayDrop(long key) {
                  return template.anywhere(key);
                }

                @Override
                public boolean keeps(int article, long key) {
                  return !template.isTemplate(store.info(article).sourceKey(), key);
                }
              },
              a -> idKeys[a]);
      table = null;
      long[] pairs = withSelfPairs(found.pairs(), store, templates);
      store.dropFingerprintHashes();
      listener.stageFinished();

      listener.stageStarted("align", n);
      Aligned aligned = align(store, templates, pairs, parallel, listener);
      listener.stageFinished();

      listener.stageStarted("clusters", 1);
      ClusterFinder.Result clustered =
          new ClusterFinder(DetectorOptions.CLUSTER_MIN_ARTICLES).find(aligned.links);
      List<ArticlePair> results = new ArrayList<>(aligned.pairs.size());
      int link = 0;
      for (ArticlePair p : aligned.pairs) {
        List<SharedPassage> passages = new ArrayList<>(p.passages().size());
        for (SharedPassage s : p.passages()) {
          passages.add(
              new SharedPassage(
                  s.passage(), s.similarity(), clustered.clusterOfLink()[link++], s.diff()));
        }
        results.add(
            new ArticlePair(
                p.a(), p.b(), passages, p.containmentA(), p.containmentB(), p.jaccard()));
      }
      results.sort(RANKING);
      List<ScanResult.ClusterResult> clusters = clusterResults(clustered.clusters(), store);
      listener.stageFinished();

      List<QuoteFamily> quoteFamilies = quoteFamilies(store, parallel, listener);
      return new ScanResult(
          options, store, aligned.templateWords, results, clusters, templates, pairs.length,
          found.cappedFingerprints(), found.caps(), quoteFamilies);
    }
  }

  /**
   * The quote families of the store's articles: each article's quotes found on the pool (in its
   * text: the article is not prepared again when the store spooled it) and held without their words, then
   * grouped across all of them; the articles whose quotes join a family are prepared once more
   * to give those quotes their words (a scan of 10^6 articles holds some five million quotes).
   */
  private List<QuoteFamily> quoteFamilies(
      ArticleStore store, Parallel parallel, ProgressListener listener) {
    listener.stageStarted("quotes", store.size());
    List<Quoted> each =
        parallel.map(
            store.size(),
            i -> {
              String text = store.article(i).text();
              QuoteFinder.Found found = detector.quotesAndPeople(text);
              return new Quoted(Rendering.withoutWords(i, text, found.quotes()), found.people());
            },
            listener);
    List<Rendering> all = new ArrayList<>();
    List<List<String>> people = new ArrayList<>(each.size());
    for (Quoted q : each) {
      all.addAll(q.renderings());
      people.add(q.people());
    }
    each = null;
    List<QuoteFamily> families =
        detector.quoteFamilies(all, people, parallel, members -> withWords(store, all, members, parallel));
    listener.stageFinished();
    return families;
  }

  /**
   * Renderings {@code members} (ascending) of {@code all} with their words: each article
   * holding one prepared once, on the pool.
   */
  private static List<Rendering> withWords(
      ArticleStore store, List<Rendering> all, int[] members, Parallel parallel) {
    // Renderings are in article order, so an article's members are a run of members.
    int[] runs = new int[members.length + 1];
    int count = 0;
    for (int k = 0; k < members.length; k++) {
      if (k == 0 || all.get(members[k]).article() != all.get(members[k - 1]).article()) {
        runs[count++] = k;
      }
    }
    runs[count] = members.length;
    int[] starts = Arrays.copyOf(runs, count + 1);
    List<List<Rendering>> byArticle =
        parallel.map(
            count,
            r -> {
              int from = starts[r];
              int to = starts[r + 1];
              int article = all.get(members[from]).article();
              List<Quote> quotes = new ArrayList<>(to - from);
              for (int k = from; k < to; k++) {
                quotes.add(all.get(members[k]).quote());
              }
              PreparedArticle p = store.prepared(article);
              return Rendering.of(article, p.article().text(), p.tokens(), quotes);
            },
            ProgressListener.NONE);
    List<Rendering> out = new ArrayList<>(members.length);
    for (List<Rendering> r : byArticle) {
      out.addAll(r);
    }
    return out;
  }

  /** One article's quotes as renderings and the people it names in full. */
  private record Quoted(List<Rendering> renderings, List<String> people) {}

  /** The pairs found, in candidate order, their passages' links, and template words. */
  private record Aligned(List<ArticlePair> pairs, List<Link> links, int[] templateWords) {}

  /**
   * Aligns every candidate pair and diffs its passages, a block of articles at a time: the
   * articles of a block (by number) and the partners of their pairs are prepared once (a look-up
   * when the store keeps them), their template words masked, the block's pairs aligned on the
   * pool. Every article is in exactly one block, so each article's template words are counted
   * once.
   */
  private Aligned align(
      ArticleStore store, Templates templates, long[] pairs, Parallel parallel,
      ProgressListener listener) {
    int n = store.size();
    int[] templateWords = new int[n];
    List<ArticlePair> found = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    long budget = store.keepsPrepared() ? Long.MAX_VALUE : blockWords(store, pairs);
    StemCache stems = new StemCache();
    int p = 0;
    int from = 0;
    while (from < n) {
      int to = blockEnd(store, pairs, from, p, budget);
      int pairsFrom = p;
      while (p < pairs.length && CandidatePairs.first(pairs[p]) < to) {
        p++;
      }
      long[] block = Arrays.copyOfRange(pairs, pairsFrom, p);
      // The articles the block needs: its own and its pairs' partners, each prepared once.
      int[] needed = needed(from, to, block);
      List<PreparedArticle> prepared =
          parallel.map(needed.length, i -> store.prepared(needed[i]), ProgressListener.NONE);
      List<int[]> masks =
          parallel.map(
              needed.length, i -> detector.mask(prepared.get(i), templates), ProgressListener.NONE);
      for (int a = from; a < to; a++) {
        templateWords[a] = Templates.maskedWords(masks.get(Arrays.binarySearch(needed, a)));
      }
      List<ArticlePair> blockPairs =
          parallel.map(
              block.length,
              k -> {
                int a = CandidatePairs.first(block[k]);
                int b = CandidatePairs.second(block[k]);
                int sa = Arrays.binarySearch(needed, a);
                int sb = Arrays.binarySearch(needed, b);
                return detector.comparePair(
                    a, prepared.get(sa), masks.get(sa), b, prepared.get(sb), masks.get(sb),
                    stems);
              },
              ProgressListener.NONE);
      for (ArticlePair pair : blockPairs) {
        if (pair == null) {
          continue;
        }
        found.add(pair);
        for (SharedPassage s : pair.passages()) {
          Passage x = s.passage();
          links.add(
              new Link(pair.a(), x.aFromWord(), x.aToWord(), pair.b(), x.bFromWord(), x.bToWord(),
                  x.similarity()));
        }
      }
      listener.advanced(to - from);
      from = to;
    }
    return new Aligned(found, links, templateWords);
  }

  /**
   * Where the block starting at article {@code from} ends: it grows while its articles and their
   * later partners (the pairs from {@code p} on, sorted, whose first article is in the block)
   * fit {@code budget} words; a partner of several is counted for each, so the budget is never
   * exceeded, only underused. A block holds one article at least.
   */
  static int blockEnd(ArticleStore store, long[] pairs, int from, int p, long budget) {
    int n = store.size();
    int to = from;
    long words = 0;
    while (to < n) {
      long more = store.info(to).words();
      int q = p;
      while (q < pairs.length && CandidatePairs.first(pairs[q]) == to) {
        int b = CandidatePairs.second(pairs[q]);
        if (b > to) {
          more += store.info(b).words();
        }
        q++;
      }
      if (to > from && words + more > budget) {
        break;
      }
      words += more;
      p = q;
      to++;
    }
    return to;
  }

  /**
   * Words a block may prepare: the fixed size this scanner was made with, else a quarter of the
   * heap the store's fingerprints and the candidate pairs leave (the pairs found, clusters and
   * report take the rest).
   */
  private long blockWords(ArticleStore store, long[] pairs) {
    if (blockWords > 0) {
      return blockWords;
    }
    long free = Runtime.getRuntime().maxMemory() - store.heapBytes() - 16L * pairs.length;
    return Math.max(MIN_BLOCK_WORDS, free / 4 / PREPARED_BYTES_PER_WORD);
  }

  /** Articles {@code from..to} and every partner of the block's pairs, sorted. */
  private static int[] needed(int from, int to, long[] block) {
    int[] out = new int[(to - from) + block.length];
    int k = 0;
    for (int a = from; a < to; a++) {
      out[k++] = a;
    }
    for (long pair : block) {
      int b = CandidatePairs.second(pair);
      if (b >= to) {
        out[k++] = b;
      }
    }
    out = Arrays.copyOf(out, k);
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < k; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  /** The candidate pairs with each article that may repeat a passage paired with itself. */
  private static long[] withSelfPairs(long[] pairs, ArticleStore store, Templates templates) {
    long[] self = new long[16];
    int count = 0;
    for (int i = 0; i < store.size(); i++) {
      if (Detector.mayRepeat(store.info(i).sourceKey(), store.repeatedFingerprints(i), templates)) {
        if (count == self.length) {
          self = Arrays.copyOf(self, count * 2);
        }
        self[count++] = CandidatePairs.encode(i, i);
      }
    }
    if (count == 0) {
      return pairs;
    }
    long[] all = Arrays.copyOf(pairs, pairs.length + count);
    System.arraycopy(self, 0, all, pairs.length, count);
    Arrays.sort(all);
    return all;
  }

  /**
   * A store as template learning reads it: the texts of the few carriers sampled per template
   * prepared on demand, the last few kept (a template reads each of its carriers twice).
   */
  static TemplateCorpus corpus(ArticleStore store) {
    Map<Integer, PreparedArticle> recent =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, PreparedArticle> eldest) {
            return size() > 64;
          }
        };
    return new PreparedCorpus() {
      @Override
      protected PreparedArticle prepared(int a) {
        return store.keepsPrepared() ? store.prepared(a) : recent.computeIfAbsent(a, store::prepared);
      }

      @Override
      public int size() {
        return store.size();
      }

      @Override
      public String id(int a) {
        return store.info(a).id();
      }

      @Override
      public String source(int a) {
        return store.info(a).source();
      }

      @Override
      public int words(int a) {
        return store.info(a).words();
      }

      @Override
      public Fingerprints fingerprints(int a) {
        return store.fingerprints(a);
      }
    };
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

  /** Each cluster's occurrences diffed against its canonical one, articles prepared as needed. */
  private List<ScanResult.ClusterResult> clusterResults(List<Cluster> clusters, ArticleStore store) {
    Map<Integer, Tokens> recent =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, Tokens> eldest) {
            return size() > 256;
          }
        };
    List<ScanResult.ClusterResult> out = new ArrayList<>(clusters.size());
    for (Cluster c : clusters) {
      out.add(
          clusterResult(
              detector, c, a -> recent.computeIfAbsent(a, x -> store.prepared(x).tokens())));
    }
    return out;
  }

  /**
   * A cluster with each occurrence diffed against its canonical one, {@code tokens} giving the
   * words of an article by number.
   */
  public static ScanResult.ClusterResult clusterResult(
      Detector detector, Cluster c, java.util.function.IntFunction<Tokens> tokensOf) {
    Cluster.Occurrence canon = c.occurrences().get(c.canonical());
    Tokens canonTokens = tokensOf.apply(canon.article());
    List<Double> similarities = new ArrayList<>();
    List<List<Edit>> diffs = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < c.occurrences().size(); i++) {
      Cluster.Occurrence o = c.occurrences().get(i);
      Tokens tokens = tokensOf.apply(o.article());
      spans.add(new int[] {tokens.start(o.fromWord()), tokens.end(o.toWord() - 1)});
      if (i == c.canonical()) {
        similarities.add(1.0);
        diffs.add(List.of());
        continue;
      }
      List<Edit> diff =
          detector.diff(
              canonTokens, canon.fromWord(), canon.toWord(), tokens, o.fromWord(), o.toWord());
      int words = (canon.toWord() - canon.fromWord()) + (o.toWord() - o.fromWord());
      similarities.add(2.0 * VariantDiffer.sharedWords(diff) / words);
      diffs.add(diff);
    }
    return new ScanResult.ClusterResult(c, similarities, diffs, spans);
  }
}
