package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the check result for a terminal or a CI log: one block per article,
 *
 * <pre>
 * FAIL wire/a1 (new/a1.txt): 42.0% of words reused (limit 30.0%)
 *   shares 35.1% with archive/x (Reuters)
 *     line 12: "Officials said the bridge will reopen…" [variant, 0.84, counted]
 * ok   wire/b2 (new/b2.txt): 3.0% of words reused (limit 30.0%)
 * </pre>
 *
 * then one line per input problem, and last {@code N articles checked, M over the limit}.
 * Excerpts are the checked article's side of a passage, on one line, at most {@value
 * #EXCERPT_CHARS} characters. Control characters from the input (terminal escape sequences)
 * are printed as {@code U+FFFD}.
 */
public final class CheckTextRenderer implements CheckRenderer {
  /** Longest excerpt of a passage, in characters, "…" included. */
  static final int EXCERPT_CHARS = 80;

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String fileName() {
    return "check.txt";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    StringBuilder b = new StringBuilder(4096);
    double limit = report.settings() == null ? Double.NaN : report.settings().maxContainment();
    for (CheckReport.ArticleResult a : report.articles()) {
      for (String line : block(a, limit)) {
        b.append(line).append('\n');
      }
    }
    for (Report.ProblemEntry p : report.problems()) {
      b.append(CheckFormat.line(p.kind())).append(' ').append(CheckFormat.line(p.path()))
          .append(": ").append(CheckFormat.line(p.message())).append('\n');
    }
    b.append(summary(report)).append('\n');
    if (report.latency() != null) {
      b.append(latency(report.latency())).append('\n');
    }
    out.write(b.toString());
    out.flush();
  }

  /**
   * {@code "2 articles checked, 1 over the limit"}, then what else failed: {@code ", 1 failed: not
   * compared with every candidate"}, {@code ", 1 more failing on --fail-on kinds"}.
   */
  public static String summary(CheckReport report) {
    return CheckFormat.count(report.articles().size(), "article") + " checked, "
        + report.exceeded() + " over the limit" + failedOtherwise(report);
  }

  /** What failed other than containment, each article counted for its first reason. */
  static String failedOtherwise(CheckReport report) {
    long notCompared = 0;
    long onKinds = 0;
    for (CheckReport.ArticleResult a : report.articles()) {
      if (a.exceeded() || !a.failed()) {
        continue;
      }
      if (a.capped() != null && a.capped().candidatesNotCompared() > 0) {
        notCompared++;
      } else {
        onKinds++;
      }
    }
    return (notCompared > 0 ? ", " + notCompared + " failed: not compared with every candidate" : "")
        + (onKinds > 0 ? ", " + onKinds + " more failing on --fail-on kinds" : "");
  }

  /**
   * {@code time per article: median 12.30 ms, p95 40.10 ms, max 55.00 ms; total 2.46 s for 200
   * articles}.
   */
  public static String latency(CheckReport.Latency l) {
    return String.format(
        java.util.Locale.ROOT,
        "time per article: median %.2f ms, p95 %.2f ms, max %.2f ms; total %.2f s for %s",
        l.medianMillis(), l.p95Millis(), l.maxMillis(), l.totalMillis() / 1000,
        CheckFormat.count(l.articles(), "article"));
  }

  /**
   * The lines saying what the caps changed: {@code capped: 11 fingerprints held by more than 200
   * archived articles, each compared through its representative (1 archived article)}, and
   * {@code not compared: 3 candidates past --max-candidates 100: fails whatever its containment
   * (raise --max-candidates)}.
   */
  static List<String> caps(CheckReport.Caps c) {
    List<String> lines = new ArrayList<>();
    if (c == null) {
      return lines;
    }
    if (c.cappedFingerprints() > 0) {
      lines.add("capped: " + CheckFormat.count(c.cappedFingerprints(), "fingerprint")
          + " held by more than " + c.maxBucket() + " archived articles, each compared through"
          + " its representative holder (" + CheckFormat.count(c.representatives(), "archived article")
          + ")");
    }
    if (c.candidatesNotCompared() > 0) {
      lines.add("not compared: " + CheckFormat.count(c.candidatesNotCompared(), "candidate")
          + " past --max-candidates " + c.maxCandidates()
          + ": fails whatever its containment (raise --max-candidates)");
    }
    return lines;
  }

  /**
   * The lines of one article's block, without line ends: its verdict, then a line per match and
   * a line per passage. Also the details of the JUnit report.
   */
  static List<String> block(CheckReport.ArticleResult a, double limit) {
    List<String> lines = new ArrayList<>();
    lines.add(verdict(a, limit));
    for (String cap : caps(a.capped())) {
      lines.add("  " + cap);
    }
    if (!a.failedOn().isEmpty()) {
      lines.add("  fails on " + CheckFormat.line(String.join(", ", a.failedOn()))
          + ": a counted passage carries it (--fail-on)");
    }
    if (!a.follows().isEmpty()) {
      lines.add("  follows " + CheckFormat.line(String.join(", ", a.follows()))
          + ": archived before it, most likely");
    }
    if (a.earlierVersion() != null) {
      lines.add("  " + earlierVersion(a.earlierVersion()));
    }
    for (CheckReport.Match m : a.matches()) {
      lines.add("  " + match(m));
      for (CheckReport.Passage p : m.passages()) {
        lines.add("    " + passage(p));
      }
    }
    return lines;
  }

  /**
   * {@code FAIL id (path): 42.0% of words reused (limit 30.0%)}, or {@code ok   id ...}, and how
   * many of its words are template text (a footer the archive learned), which counts for nothing.
   */
  static String verdict(CheckReport.ArticleResult a, double limit) {
    StringBuilder b = new StringBuilder();
    b.append(a.failed() ? "FAIL " : "ok   ").append(CheckFormat.line(a.id()));
    if (a.path() != null) {
      b.append(" (").append(CheckFormat.line(a.path())).append(')');
    }
    b.append(": ").append(CheckFormat.percent(a.containment())).append(" of words reused");
    if (!Double.isNaN(limit)) {
      b.append(" (limit ").append(CheckFormat.percent(limit)).append(')');
    }
    if (a.templateWords() > 0) {
      b.append("; ").append(a.templateWords()).append(" template words left out");
    }
    return b.toString();
  }

  /**
   * {@code earlier version (same id) in the archive: identical, 100.0% of words shared, counted},
   * or {@code ..., not counted (--same-id update)}.
   */
  static String earlierVersion(CheckReport.EarlierVersion e) {
    return "earlier version (same id) in the archive: "
        + (e.identical() ? "identical" : "changed") + ", "
        + CheckFormat.percent(e.shared()) + " of words shared, "
        + (e.counted() ? "counted" : "not counted (--same-id update)");
  }

  /** {@code shares 35.1% with archive/x (Reuters)}, and {@code , its earlier version}. */
  static String match(CheckReport.Match m) {
    String line = "shares " + CheckFormat.percent(m.containment()) + " with "
        + CheckFormat.line(m.archivedId());
    if (m.archivedSource() != null && !m.archivedSource().isBlank()) {
      line += " (" + CheckFormat.line(m.archivedSource()) + ")";
    }
    if (m.direction() != null && m.direction().first() != null) {
      line += "; ran first: " + CheckFormat.line(m.direction().first()) + " ("
          + CheckFormat.line(m.direction().reason()) + ")";
    }
    return m.sameId() ? line + ", its earlier version" : line;
  }

  /** {@code line 12: "excerpt" [variant, 0.84, counted]}. */
  static String passage(CheckReport.Passage p) {
    StringBuilder b = new StringBuilder();
    if (p.location() != null) {
      b.append("line ").append(p.location().startLine()).append(": ");
    }
    String text = p.article() == null ? "" : p.article().text();
    b.append('"').append(CheckFormat.printable(CheckFormat.excerpt(text, EXCERPT_CHARS)))
        .append("\" [")
        .append(CheckFormat.line(p.kinds().isEmpty() ? p.kind() : String.join(" ", p.kinds())))
        .append(", ")
        .append(CheckFormat.number2(p.similarity())).append(", ")
        .append(CheckFormat.line(p.status())).append(']');
    return b.toString();
  }
}
