package dev.refrain.report;

import dev.refrain.cluster.Cluster;
import dev.refrain.diff.Edit;
import dev.refrain.document.Article;
import dev.refrain.document.LoadProblem;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.scan.ScanResult;
import dev.refrain.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the public {@link Report} from the engine's {@link ScanResult}. */
public final class ReportMapper {
  private ReportMapper() {}

  /** The report of a scan, with the input problems met while loading. */
  public static Report toReport(ScanResult result, List<LoadProblem> problems) {
    DetectorOptions o = result.options();
    Report.Settings settings =
        new Report.Settings(
            o.shingleSize(), o.window(), o.minWords(), o.maxGap(), o.minSimilarity(),
            o.templateMinArticles(), o.maxBucket(), "words", TextNormalizer.VERSION);
    List<Report.ArticleEntry> articles = new ArrayList<>();
    for (int i = 0; i < result.articles().size(); i++) {
      Article a = result.articles().get(i);
      articles.add(
          new Report.ArticleEntry(
              a.id(), a.path(), a.text().length(), result.tokens().get(i).size(),
              result.templateWords(i), a.source(), a.title(), a.published(), a.text()));
    }
    List<Report.PairEntry> pairs = new ArrayList<>();
    int passages = 0;
    for (ArticlePair p : result.pairs()) {
      Article a = result.articles().get(p.a());
      Article b = result.articles().get(p.b());
      Tokens ta = result.tokens().get(p.a());
      Tokens tb = result.tokens().get(p.b());
      List<Report.PassageEntry> entries = new ArrayList<>();
      for (SharedPassage s : p.passages()) {
        var x = s.passage();
        String kind = s.verbatim() ? "verbatim" : "variant";
        entries.add(
            new Report.PassageEntry(
                span(a.text(), x.aStart(), x.aEnd()),
                span(b.text(), x.bStart(), x.bEnd()),
                round(s.similarity()),
                kind,
                x.wordsA(),
                x.wordsB(),
                s.cluster() < 0 ? null : clusterId(s.cluster()),
                diffOps(s.diff(), a.text(), ta, b.text(), tb)));
      }
      passages += entries.size();
      pairs.add(
          new Report.PairEntry(
              a.id(), b.id(), round(p.containmentA()), round(p.containmentB()),
              round(p.jaccard()), p.longestPassageWords(), entries));
    }
    List<Report.ClusterEntry> clusters = new ArrayList<>();
    for (int c = 0; c < result.clusters().size(); c++) {
      clusters.add(cluster(c, result.clusters().get(c), result));
    }
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
    int templateArticles = result.templateArticles();
    Report.Stats stats =
        new Report.Stats(
            articles.size(), result.candidatePairs(), pairs.size(), passages, clusters.size(),
            templates.size(), templateArticles, result.cappedFingerprints(), skipped);
    return new Report(
        Report.SCHEMA_VERSION, settings, articles, pairs, clusters, templates, problemEntries,
        stats);
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

  private static Report.ClusterEntry cluster(int index, ScanResult.ClusterResult r, ScanResult result) {
    Cluster c = r.cluster();
    Cluster.Occurrence canon = c.occurrences().get(c.canonical());
    Article canonArticle = result.articles().get(canon.article());
    Tokens canonTokens = result.tokens().get(canon.article());
    List<Report.Occurrence> occurrences = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < c.occurrences().size(); i++) {
        boolean isCanonical = i == c.canonical();
        if (isCanonical != (pass == 0)) {
          continue;
        }
        Cluster.Occurrence o = c.occurrences().get(i);
        Article article = result.articles().get(o.article());
        Tokens tokens = result.tokens().get(o.article());
        int start = tokens.start(o.fromWord());
        int end = tokens.end(o.toWord() - 1);
        occurrences.add(
            new Report.Occurrence(
                article.id(),
                start,
                end,
                article.text().substring(start, end),
                isCanonical,
                round(r.similarities().get(i)),
                diffOps(r.diffs().get(i), canonArticle.text(), canonTokens, article.text(), tokens)));
      }
    }
    return new Report.ClusterEntry(clusterId(index), c.articleCount(), occurrences);
  }

  private static Report.Span span(String text, int start, int end) {
    return new Report.Span(start, end, text.substring(start, end));
  }

  /** Word edits as offsets and texts; an empty side sits where its words would go. */
  static List<Report.DiffOp> diffOps(
      List<Edit> edits, String aText, Tokens a, String bText, Tokens b) {
    List<Report.DiffOp> ops = new ArrayList<>();
    for (Edit e : edits) {
      int[] sa = range(a, e.aFromWord(), e.aToWord());
      int[] sb = range(b, e.bFromWord(), e.bToWord());
      ops.add(
          new Report.DiffOp(
              e.kind().name().toLowerCase(Locale.ROOT),
              sa[0],
              sa[1],
              sb[0],
              sb[1],
              aText.substring(sa[0], sa[1]),
              bText.substring(sb[0], sb[1])));
    }
    return ops;
  }

  private static int[] range(Tokens t, int from, int to) {
    if (from < to) {
      return new int[] {t.start(from), t.end(to - 1)};
    }
    int at = from < t.size() ? t.start(from) : t.end(t.size() - 1);
    if (from > 0 && from < t.size()) {
      // Between two words: right after the previous one, so the point sits inside the passage.
      at = t.end(from - 1);
    }
    return new int[] {at, at};
  }

  /** Four decimals: enough to rank, and stable across platforms. */
  static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
