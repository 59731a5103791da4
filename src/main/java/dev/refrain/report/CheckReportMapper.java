package dev.refrain.report;

import dev.refrain.kernel.SharedPassage;
import dev.refrain.check.Checker;
import dev.refrain.document.Article;
import dev.refrain.document.LoadProblem;
import dev.refrain.normalize.Tokens;
import dev.refrain.scan.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds the public {@link CheckReport} from the engine's check results. */
public final class CheckReportMapper {
  private CheckReportMapper() {}

  /** The report of a check run; results in any order (the report sorts them by id). */
  public static CheckReport toReport(
      CheckReport.Settings settings, List<Checker.Result> results, List<LoadProblem> problems) {
    List<CheckReport.ArticleResult> articles = new ArrayList<>();
    for (Checker.Result r : results) {
      articles.add(article(r));
    }
    articles.sort(Comparator.comparing(CheckReport.ArticleResult::id));
    List<Report.ProblemEntry> problemEntries =
        problems.stream()
            .map(p -> new Report.ProblemEntry(p.path(), p.kind().name().toLowerCase(Locale.ROOT), p.message()))
            .toList();
    return new CheckReport(CheckReport.SCHEMA_VERSION, settings, articles, problemEntries);
  }

  private static CheckReport.ArticleResult article(Checker.Result r) {
    Article fresh = r.article().article();
    Tokens freshTokens = r.article().tokens();
    List<CheckReport.Match> matches = new ArrayList<>();
    for (Checker.Match m : r.matches()) {
      Article old = m.archived().article();
      Tokens oldTokens = m.archived().tokens();
      List<CheckReport.Passage> passages = new ArrayList<>();
      for (Checker.CheckedPassage c : m.passages()) {
        SharedPassage s = c.shared();
        var p = s.passage();
        String kind = s.verbatim() ? "verbatim" : "variant";
        passages.add(
            new CheckReport.Passage(
                new Report.Span(p.bStart(), p.bEnd(), fresh.text().substring(p.bStart(), p.bEnd())),
                location(fresh.text(), p.bStart(), p.bEnd()),
                new Report.Span(p.aStart(), p.aEnd(), old.text().substring(p.aStart(), p.aEnd())),
                ReportMapper.round(s.similarity()),
                kind,
                c.status().name().toLowerCase(Locale.ROOT),
                p.wordsB(),
                ReportMapper.diffOps(s.diff(), old.text(), fresh.text())));
      }
      passages.sort(Comparator.comparingInt((CheckReport.Passage x) -> x.article().start())
          .thenComparingInt(x -> x.archived().start()));
      matches.add(
          new CheckReport.Match(
              old.id(), old.path(), old.source(), ReportMapper.round(m.containment()),
              ReportMapper.round(m.containmentArchived()), passages, m.sameId()));
    }
    Checker.EarlierVersion e = r.earlierVersion();
    CheckReport.EarlierVersion earlier =
        e == null
            ? null
            : new CheckReport.EarlierVersion(
                e.archived().path(), e.identical(), ReportMapper.round(e.shared()), e.counted());
    List<dev.refrain.kernel.PreparedArticle> numbered = new ArrayList<>();
    numbered.add(r.article());
    for (Checker.Match m : r.matches()) {
      numbered.add(m.archived());
    }
    return new CheckReport.ArticleResult(
        fresh.id(), fresh.path(), fresh.text().length(), freshTokens.size(), r.templateWords(),
        ReportMapper.round(r.containment()), r.exceeded(), matches, earlier,
        r.article().repetitive().words(),
        ReportMapper.quoteFamilies(
            r.quoteFamilies(), i -> numbered.get(i).article().id(),
            i -> numbered.get(i).article().text()));
  }

  /** Lines and columns (1-based, UTF-16 columns, end exclusive) of {@code start..end}. */
  static CheckReport.Location location(String text, int start, int end) {
    int line = 1;
    int lineStart = 0;
    int startLine = 1;
    int startColumn = 1;
    for (int i = 0; i < end; i++) {
      if (i == start) {
        startLine = line;
        startColumn = i - lineStart + 1;
      }
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    if (start >= end) {
      startLine = line;
      startColumn = start - lineStart + 1;
    }
    return new CheckReport.Location(startLine, startColumn, line, end - lineStart + 1);
  }
}
