package dev.refrain.report;

import dev.refrain.cluster.Cluster;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantKinds;
import dev.refrain.document.LoadProblem;
import dev.refrain.kernel.ArticleInfo;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.ArticleStore;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.Direction;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.quote.Quote;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.quote.Speaker;
import dev.refrain.scan.ScanResult;
import dev.refrain.template.Template;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the public {@link Report} from the engine's {@link ScanResult}.
 *
 * <p>Articles and pairs are mapped as a renderer reads them, not all at once, and texts are read
 * from the scan's article store when a pair or a renderer needs them: a report of 10^6 articles
 * holds no more in memory than the scan does.
 */
public final class ReportMapper {
  private ReportMapper() {}

  /** The report of a scan, with the input problems met while loading. */
  public static Report toReport(ScanResult result, List<LoadProblem> problems) {
    return toReport(result, problems, null);
  }

  /**
   * The report of a scan, its pairs, clusters and quote families mapped on {@code parallel}'s
   * threads (null: on the caller's): a block of pairs at a time as a renderer reads them, the next
   * block mapped while the renderer writes the one before. The report is the same either way;
   * {@code parallel} must stay open while the report is rendered.
   */
  public static Report toReport(
      ScanResult result, List<LoadProblem> problems, dev.refrain.kernel.Parallel parallel) {
    DetectorOptions o = result.options();
    ArticleStore store = result.store();
    Report.Settings settings = settings(o);
    // a pair of an article with itself is what it repeats inside itself: a pair (the report
    // contract), and shown on the article too
    int[] selfPair = new int[store.size()];
    java.util.Arrays.fill(selfPair, -1);
    int[] internal = new int[8];
    int internalCount = 0;
    for (int i = 0; i < result.pairs().size(); i++) {
      ArticlePair p = result.pairs().get(i);
      if (p.a() == p.b()) {
        selfPair[p.a()] = i;
        if (internalCount == internal.length) {
          internal = java.util.Arrays.copyOf(internal, internalCount * 2);
        }
        internal[internalCount++] = i;
      }
    }
    int shown = result.pairs().size() - internalCount;
    int pairCount = shown;
    List<Report.ArticleEntry> articles =
        new AbstractList<>() {
          @Override
          public Report.ArticleEntry get(int i) {
            ArticleInfo a = store.info(i);
            List<Report.PassageEntry> repeats =
                selfPair[i] < 0
                    ? List.of()
                    : passages(result.pairs().get(selfPair[i]), store.article(i).text(),
                        store.article(i).text());
            return new Report.ArticleEntry(
                a.id(), a.path(), a.chars(), a.words(), result.templateWords(i), a.source(),
                a.title(), a.published(), a.repetitiveWords(), repeats);
          }

          @Override
          public int size() {
            return store.size();
          }
        };
    java.util.function.IntFunction<Report.PairEntry> mapPair =
        i -> pair(result.pairs().get(i), store);
    List<Report.PairEntry> pairs =
        new Report.PairList(
            parallel == null ? mapPair : new BlockMapping<>(mapPair, result.pairs().size(), parallel),
            result.pairs().size(), java.util.Arrays.copyOf(internal, internalCount));
    int passages = 0;
    for (ArticlePair p : result.pairs()) {
      passages += p.passages().size();
    }
    List<Report.ClusterEntry> clusters =
        map(result.clusters().size(), c -> cluster(c, result.clusters().get(c), store), parallel);
    List<Report.ProblemEntry> problemEntries =
        problems.stream()
            .map(
                x ->
                    new Report.ProblemEntry(
                        x.path(), x.kind().name().toLowerCase(Locale.ROOT), x.message()))
            .toList();
    List<Report.TemplateEntry> templates = templates(result.templates().list());
    int skipped =
        (int) problems.stream().filter(x -> x.kind() != LoadProblem.Kind.WARNING).count();
    Report.Stats stats =
        new Report.Stats(
            store.size(), result.candidatePairs(), pairCount, passages,
            clusters.size(), templates.size(), result.templateArticles(),
            result.cappedFingerprints(), skipped, caps(result.caps()));
    return new Report(
        Report.SCHEMA_VERSION, settings, articles, pairs, clusters, templates, problemEntries,
        stats, texts(store), quoteFamilies(result.quoteFamilies(), store, parallel));
  }

  /** {@code task} over 0..n-1 in order: on {@code parallel}'s threads, or here when it is null. */
  private static <T> List<T> map(
      int n, java.util.function.IntFunction<T> task, dev.refrain.kernel.Parallel parallel) {
    if (parallel != null) {
      return parallel.map(n, task, dev.refrain.kernel.ProgressListener.NONE);
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(task.apply(i));
    }
    return out;
  }

  /**
   * A mapping of 0..n-1 computed a block at a time on a pool, for a reader that goes through it
   * in order (a renderer): when the reader starts at 0 or steps into the next block, that block
   * is mapped on the pool's threads and kept, and the block after it is started at once, so it
   * is mapped while the reader writes this one. An index asked out of order outside the block
   * kept is mapped alone, on the caller's thread. Holds two blocks at most.
   */
  static final class BlockMapping<T> implements java.util.function.IntFunction<T> {
    static final int BLOCK = 256;

    private final java.util.function.IntFunction<T> task;
    private final int n;
    private final dev.refrain.kernel.Parallel parallel;
    private int block = -1;
    private int last = -1;
    private List<T> current = List.of();
    private int nextBlock = -1;
    private dev.refrain.kernel.Parallel.Started<T> next;

    BlockMapping(java.util.function.IntFunction<T> task, int n, dev.refrain.kernel.Parallel parallel) {
      this.task = task;
      this.n = n;
      this.parallel = parallel;
    }

    @Override
    public synchronized T apply(int i) {
      int b = i / BLOCK;
      boolean inOrder = i == 0 || i == last + 1;
      last = i;
      if (b != block && !inOrder) {
        return task.apply(i);
      }
      if (b != block) {
        current =
            b == nextBlock
                ? next.join(dev.refrain.kernel.ProgressListener.NONE)
                : start(b).join(dev.refrain.kernel.ProgressListener.NONE);
        block = b;
        nextBlock = (b + 1) * BLOCK < n ? b + 1 : -1;
        next = nextBlock < 0 ? null : start(nextBlock);
      }
      return current.get(i - b * BLOCK);
    }

    private dev.refrain.kernel.Parallel.Started<T> start(int b) {
      int from = b * BLOCK;
      return parallel.start(Math.min(BLOCK, n - from), k -> task.apply(from + k));
    }
  }

  /** Report entries of quote families, numbered Q1, Q2, ... in their order. */
  static List<Report.QuoteFamilyEntry> quoteFamilies(
      List<QuoteFamily> families, ArticleStore store, dev.refrain.kernel.Parallel parallel) {
    return map(
        families.size(),
        f -> quoteFamily(f, families.get(f), i -> store.info(i).id(), i -> store.article(i).text()),
        parallel);
  }

  /**
   * Report entries of quote families whose renderings number articles: {@code id} and {@code
   * text} give an article's id and text by number.
   */
  static List<Report.QuoteFamilyEntry> quoteFamilies(
      List<QuoteFamily> families, java.util.function.IntFunction<String> id,
      java.util.function.IntFunction<String> text) {
    List<Report.QuoteFamilyEntry> out = new ArrayList<>(families.size());
    for (int f = 0; f < families.size(); f++) {
      out.add(quoteFamily(f, families.get(f), id, text));
    }
    return out;
  }

  /**
   * The report entry of quote family {@code index} (0-based, in report order), {@code id} and
   * {@code text} giving an article's id and text by number: for a run that holds a family's
   * texts where it maps it.
   */
  public static Report.QuoteFamilyEntry quoteFamily(
      int index, QuoteFamily family, java.util.function.IntFunction<String> id,
      java.util.function.IntFunction<String> text) {
    QuoteFamily.Member canon = family.members().get(family.canonical());
    String canonText = text.apply(canon.rendering().article());
    List<Report.QuoteRenderingEntry> renderings = new ArrayList<>();
    renderings.add(rendering(canon, true, id, text, canonText));
    List<QuoteFamily.Member> others = new ArrayList<>(family.members());
    others.remove(family.canonical());
    others.sort(
        java.util.Comparator.comparing((QuoteFamily.Member m) -> id.apply(m.rendering().article()))
            .thenComparingInt(m -> m.rendering().quote().start()));
    for (QuoteFamily.Member m : others) {
      renderings.add(rendering(m, false, id, text, canonText));
    }
    return new Report.QuoteFamilyEntry(
        "Q" + (index + 1), family.speaker(),
        family.speakerType() == null ? null : family.speakerType().name().toLowerCase(Locale.ROOT),
        family.articleCount(), renderings);
  }

  private static Report.QuoteRenderingEntry rendering(
      QuoteFamily.Member m, boolean canonical, java.util.function.IntFunction<String> id,
      java.util.function.IntFunction<String> texts, String canonText) {
    Quote q = m.rendering().quote();
    String text = texts.apply(m.rendering().article());
    Speaker said = q.speaker();
    return new Report.QuoteRenderingEntry(
        id.apply(m.rendering().article()), q.start(), q.end(),
        text.substring(q.start(), q.end()), q.kind().name().toLowerCase(Locale.ROOT), canonical,
        m.speaker(), said == null ? null : text.substring(said.start(), said.end()),
        m.attribution().name().toLowerCase(Locale.ROOT), round(m.similarity()),
        diffOps(m.diff(), canonText, text),
        VariantKinds.labels(Detector.kinds(m, canonText, text)));
  }

  /** The settings a report names for a run with options {@code o}. */
  public static Report.Settings settings(DetectorOptions o) {
    return new Report.Settings(
        o.shingleSize(), o.window(), o.minWords(), o.maxGap(), o.minSimilarity(),
        o.templateMinArticles(), o.maxBucket(), "words", TextNormalizer.VERSION);
  }

  /** The report's caps, or null when nothing was capped. */
  public static Report.Caps caps(dev.refrain.lsh.CandidatePairs.Caps c) {
    if (c == null || c.fingerprints() == 0) {
      return null;
    }
    return new Report.Caps(
        c.maxBucket(), c.fingerprints(), c.articles(), c.representativePairs(),
        c.pairsNotCompared());
  }

  private static Report.PairEntry pair(ArticlePair p, ArticleStore store) {
    String aText = store.article(p.a()).text();
    String bText = p.b() == p.a() ? aText : store.article(p.b()).text();
    return pair(p, store.info(p.a()), store.info(p.b()), aText, bText);
  }

  /**
   * The report entry of a pair whose articles are {@code a} and {@code b}, with texts {@code
   * aText} and {@code bText}: for a run that holds the texts of a pair where it aligns them.
   */
  public static Report.PairEntry pair(
      ArticlePair p, ArticleInfo a, ArticleInfo b, String aText, String bText) {
    String aId = a.id();
    String bId = b.id();
    List<Report.PassageEntry> entries = passages(p, aText, bText);
    int wordsA = 0;
    int wordsB = 0;
    for (SharedPassage s : p.passages()) {
      wordsA += s.passage().wordsA();
      wordsB += s.passage().wordsB();
    }
    Direction.Verdict v =
        Detector.direction(a, aText, wordsA, b, bText, wordsB);
    return new Report.PairEntry(
        aId, bId, round(p.containmentA()), round(p.containmentB()), round(p.jaccard()),
        p.longestPassageWords(), entries, direction(v, List.of(aId, bId)));
  }

  /** The report entry of a verdict on the articles {@code ids}, in the order it was given them. */
  static Report.DirectionEntry direction(Direction.Verdict v, List<String> ids) {
    return new Report.DirectionEntry(v.known() ? ids.get(v.first()) : null, v.basis(), v.reason());
  }

  /** The passages of a pair (or of an article with itself), with their diffs and kinds. */
  private static List<Report.PassageEntry> passages(ArticlePair p, String aText, String bText) {
    List<Report.PassageEntry> entries = new ArrayList<>(p.passages().size());
    for (SharedPassage s : p.passages()) {
      var x = s.passage();
      entries.add(
          new Report.PassageEntry(
              span(aText, x.aStart(), x.aEnd()),
              span(bText, x.bStart(), x.bEnd()),
              round(s.similarity()),
              s.verbatim() ? "verbatim" : "variant",
              x.wordsA(),
              x.wordsB(),
              s.cluster() < 0 ? null : clusterId(s.cluster()),
              diffOps(s.diff(), aText, bText),
              VariantKinds.labels(Detector.kinds(s, aText, bText))));
    }
    return entries;
  }

  /**
   * The articles' texts by id, read from the store when asked (a binary search over the store's
   * ids, which are sorted).
   */
  private static Map<String, String> texts(ArticleStore store) {
    return new AbstractMap<>() {
      private int index(Object key) {
        if (!(key instanceof String id)) {
          return -1;
        }
        int lo = 0;
        int hi = store.size() - 1;
        while (lo <= hi) {
          int mid = (lo + hi) >>> 1;
          int c = store.info(mid).id().compareTo(id);
          if (c == 0) {
            return mid;
          } else if (c < 0) {
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        return -1;
      }

      @Override
      public String get(Object key) {
        int i = index(key);
        return i < 0 ? null : store.article(i).text();
      }

      @Override
      public boolean containsKey(Object key) {
        return index(key) >= 0;
      }

      @Override
      public int size() {
        return store.size();
      }

      @Override
      public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
          @Override
          public Iterator<Map.Entry<String, String>> iterator() {
            return new Iterator<>() {
              private int i;

              @Override
              public boolean hasNext() {
                return i < store.size();
              }

              @Override
              public Map.Entry<String, String> next() {
                int k = i++;
                return Map.entry(store.info(k).id(), store.article(k).text());
              }
            };
          }

          @Override
          public int size() {
            return store.size();
          }
        };
      }
    };
  }

  /** Report entries of templates, numbered T1, T2, ... in their order. */
  public static List<Report.TemplateEntry> templates(List<Template> templates) {
    List<Report.TemplateEntry> out = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      Template t = templates.get(i);
      out.add(
          new Report.TemplateEntry(
              "T" + (i + 1), t.text(), t.words(), t.sources(), t.articles(), t.examples(),
              t.corpusWide()));
    }
    return out;
  }

  /** {@code "C1"} for cluster index 0. */
  public static String clusterId(int index) {
    return "C" + (index + 1);
  }

  private static Report.ClusterEntry cluster(
      int index, ScanResult.ClusterResult r, ArticleStore store) {
    return cluster(index, r, store::info, a -> store.article(a).text());
  }

  /**
   * The report entry of cluster {@code index} (0-based, in report order), {@code infos} and
   * {@code texts} giving an article's details and text by number.
   */
  public static Report.ClusterEntry cluster(
      int index, ScanResult.ClusterResult r, java.util.function.IntFunction<ArticleInfo> infos,
      java.util.function.IntFunction<String> texts) {
    Cluster c = r.cluster();
    Cluster.Occurrence canon = c.occurrences().get(c.canonical());
    String canonText = texts.apply(canon.article());
    List<Report.Occurrence> occurrences = new ArrayList<>();
    List<Direction.Candidate> candidates = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < c.occurrences().size(); i++) {
        boolean isCanonical = i == c.canonical();
        if (isCanonical != (pass == 0)) {
          continue;
        }
        Cluster.Occurrence o = c.occurrences().get(i);
        String text = isCanonical ? canonText : texts.apply(o.article());
        int start = r.spans().get(i)[0];
        int end = r.spans().get(i)[1];
        ArticleInfo info = infos.apply(o.article());
        candidates.add(
            Direction.Candidate.of(info.published(), info.source(), text, o.toWord() - o.fromWord()));
        ids.add(info.id());
        occurrences.add(
            new Report.Occurrence(
                info.id(),
                start,
                end,
                text.substring(start, end),
                isCanonical,
                round(r.similarities().get(i)),
                diffOps(r.diffs().get(i), canonText, text),
                isCanonical
                    ? List.of("verbatim")
                    : VariantKinds.labels(Detector.kinds(r.diffs().get(i), canonText, text))));
      }
    }
    return new Report.ClusterEntry(
        clusterId(index), c.articleCount(), occurrences,
        direction(Detector.direction(candidates), ids));
  }

  private static Report.Span span(String text, int start, int end) {
    return new Report.Span(start, end, text.substring(start, end));
  }

  /** Word edits as offsets and texts; an empty side sits where its words would go. */
  static List<Report.DiffOp> diffOps(List<Edit> edits, String aText, String bText) {
    List<Report.DiffOp> ops = new ArrayList<>(edits.size());
    for (Edit e : edits) {
      ops.add(
          new Report.DiffOp(
              e.kind().name().toLowerCase(Locale.ROOT),
              e.aStart(),
              e.aEnd(),
              e.bStart(),
              e.bEnd(),
              aText.substring(e.aStart(), e.aEnd()),
              bText.substring(e.bStart(), e.bEnd())));
    }
    return ops;
  }

  /** Four decimals: enough to rank, and stable across platforms. */
  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
