package dev.refrain.report;

import dev.refrain.kernel.SharedPassage;
import dev.refrain.check.Checker;
import dev.refrain.diff.VariantKind;
import dev.refrain.diff.VariantKinds;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.Direction;
import dev.refrain.document.Article;
import dev.refrain.document.LoadProblem;
import dev.refrain.normalize.Tokens;
import dev.refrain.scan.ScanResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds the public {@link CheckReport} from the engine's check results. */
public final class CheckReportMapper {
  private CheckReportMapper() {}

  /** The report of a check run; results in any order (the report sorts them by id). */
  public static CheckReport toReport(
      CheckReport.Settings settings, List<Checker.Result> results, List<LoadProblem> problems) {
    return toReport(settings, results, problems, 0, 0, null, Set.of());
  }

  /**
   * The report of a check run in which an article also fails when a counted passage (not
   * accepted in the baseline, not from an allowed source, not an update) carries one of the
   * {@code failOn} kinds.
   */
  public static CheckReport toReport(
      CheckReport.Settings settings, List<Checker.Result> results, List<LoadProblem> problems,
      Set<VariantKind> failOn) {
    return toReport(settings, results, problems, 0, 0, null, failOn);
  }

  /**
   * The report of a check run with the caps it ran under, each article's check time in
   * nanoseconds ({@code nanos} in the order of {@code results}; null: not timed) and the kinds a
   * counted passage fails on.
   */
  public static CheckReport toReport(
      CheckReport.Settings settings, List<Checker.Result> results, List<LoadProblem> problems,
      int maxBucket, int maxCandidates, long[] nanos, Set<VariantKind> failOn) {
    List<CheckReport.ArticleResult> articles = new ArrayList<>();
    for (Checker.Result r : results) {
      articles.add(article(r, maxBucket, maxCandidates, failOn));
    }
    articles.sort(Comparator.comparing(CheckReport.ArticleResult::id));
    List<Report.ProblemEntry> problemEntries =
        problems.stream()
            .map(p -> new Report.ProblemEntry(p.path(), p.kind().name().toLowerCase(Locale.ROOT), p.message()))
            .toList();
    return new CheckReport(
        CheckReport.SCHEMA_VERSION, settings, articles, problemEntries,
        nanos == null ? null : CheckReport.Latency.of(nanos));
  }

  private static CheckReport.ArticleResult article(
      Checker.Result r, int maxBucket, int maxCandidates, Set<VariantKind> failOn) {
    Article fresh = r.article().article();
    Tokens freshTokens = r.article().tokens();
    List<CheckReport.Match> matches = new ArrayList<>();
    Set<VariantKind> failed = EnumSet.noneOf(VariantKind.class);
    List<String> follows = new ArrayList<>();
    for (Checker.Match m : r.matches()) {
      Article old = m.archived().article();
      Tokens oldTokens = m.archived().tokens();
      List<CheckReport.Passage> passages = new ArrayList<>();
      for (Checker.CheckedPassage c : m.passages()) {
        SharedPassage s = c.shared();
        var p = s.passage();
        String kind = s.verbatim() ? "verbatim" : "variant";
        Set<VariantKind> kinds = Detector.kinds(s, old.text(), fresh.text());
        if (c.status() == Checker.Status.COUNTED) {
          for (VariantKind k : kinds) {
            if (failOn.contains(k)) {
              failed.add(k);
            }
          }
        }
        passages.add(
            new CheckReport.Passage(
                new Report.Span(p.bStart(), p.bEnd(), fresh.text().substring(p.bStart(), p.bEnd())),
                location(fresh.text(), p.bStart(), p.bEnd()),
                new Report.Span(p.aStart(), p.aEnd(), old.text().substring(p.aStart(), p.aEnd())),
                ReportMapper.round(s.similarity()),
                kind,
                c.status().name().toLowerCase(Locale.ROOT),
                p.wordsB(),
                ReportMapper.diffOps(s.diff(), old.text(), fresh.text()),
                VariantKinds.labels(kinds)));
      }
      passages.sort(Comparator.comparingInt((CheckReport.Passage x) -> x.article().start())
          .thenComparingInt(x -> x.archived().start()));
      Report.DirectionEntry direction = direction(old, fresh, m);
      if (old.id().equals(direction.first()) && !old.id().equals(fresh.id())) {
        follows.add(old.id());
      }
      matches.add(
          new CheckReport.Match(
              old.id(), old.path(), old.source(), ReportMapper.round(m.containment()),
              ReportMapper.round(m.containmentArchived()), passages, m.sameId(), direction));
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
    List<Report.QuoteFamilyEntry> families =
        ReportMapper.quoteFamilies(
            r.quoteFamilies(), i -> numbered.get(i).article().id(),
            i -> numbered.get(i).article().text());
    // A family the checked article joins fails on a kind one of its renderings carries
    // (attribution-changed: two articles name two speakers for one quote).
    for (Report.QuoteFamilyEntry f : families) {
      for (Report.QuoteRenderingEntry q : f.renderings()) {
        for (String label : q.kinds()) {
          VariantKind k = VariantKind.ofLabel(label);
          if (k == VariantKind.ATTRIBUTION_CHANGED && failOn.contains(k)) {
            failed.add(k);
          }
        }
      }
    }
    return new CheckReport.ArticleResult(
        fresh.id(), fresh.path(), fresh.text().length(), freshTokens.size(), r.templateWords(),
        ReportMapper.round(r.containment()), r.exceeded(), matches, earlier,
        r.article().repetitive().words(), caps(r.caps(), maxBucket, maxCandidates),
        VariantKinds.labels(failed), follows, families);
  }

  /** The report's caps of an article, or null when no cap changed its candidates. */
  private static CheckReport.Caps caps(Checker.Caps c, int maxBucket, int maxCandidates) {
    if (c == null || (c.cappedFingerprints() == 0 && c.candidatesNotCompared() == 0)) {
      return null;
    }
    return new CheckReport.Caps(
        maxBucket, c.cappedFingerprints(), c.representatives(), maxCandidates,
        c.candidatesNotCompared());
  }

  /**
   * Which of an archived article and the checked one ran their shared passages first; {@code
   * first} is the archived id or the checked id ({@code dev.refrain.kernel.Direction}).
   */
  private static Report.DirectionEntry direction(Article old, Article fresh, Checker.Match m) {
    int wordsOld = 0;
    int wordsFresh = 0;
    for (Checker.CheckedPassage c : m.passages()) {
      wordsOld += c.shared().passage().wordsA();
      wordsFresh += c.shared().passage().wordsB();
    }
    Direction.Verdict v =
        Detector.direction(
            List.of(
                Direction.Candidate.of(old.published(), old.source(), old.text(), wordsOld),
                Direction.Candidate.of(fresh.published(), fresh.source(), fresh.text(), wordsFresh)));
    return ReportMapper.direction(v, List.of(old.id(), fresh.id()));
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
