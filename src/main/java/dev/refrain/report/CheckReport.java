package dev.refrain.report;

import java.util.List;

/**
 * The report of one {@code check} run: each new article against the archive. What the check
 * renderers (text, JSON, SARIF, JUnit XML, Markdown) read; kept apart from the engine's types.
 * Lists are sorted so output is deterministic. Offsets are 0-based, end-exclusive UTF-16 offsets
 * into each article's decoded text; lines and columns are 1-based, columns in UTF-16 code units.
 *
 * @param settings the limits and options of the check
 * @param articles one result per checked article, sorted by id
 * @param problems input files skipped or read with a warning
 * @param latency time per article, or null when not measured (a report built in a test)
 */
public record CheckReport(
    int schemaVersion,
    Settings settings,
    List<ArticleResult> articles,
    List<Report.ProblemEntry> problems,
    Latency latency) {

  /**
   * 3 (fields added since, no meaning changed: passages' {@code kinds}, matches' {@code
   * direction}, articles' {@code follows}, {@code failedOn} and {@code failed}). 3: an archived article with the checked article's own id is compared and counted (it was left
   * out before): articles carry {@code earlierVersion}, matches {@code sameId}, settings {@code
   * sameId}, and a passage may have the status {@code update}. 2: template text learned from the
   * archive is masked, never a passage: no status or kind {@code boilerplate}; articles carry
   * {@code templateWords}.
   */
  public static final int SCHEMA_VERSION = 3;

  public CheckReport {
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }

  /** A report without timings. */
  public CheckReport(
      int schemaVersion, Settings settings, List<ArticleResult> articles,
      List<Report.ProblemEntry> problems) {
    this(schemaVersion, settings, articles, problems, null);
  }

  /** Articles whose counted containment is over the limit. */
  public long exceeded() {
    return articles.stream().filter(ArticleResult::exceeded).count();
  }

  /**
   * Articles that fail the gate: over the limit, not compared with every candidate, or a counted
   * passage of a {@code --fail-on} kind.
   */
  public long failed() {
    return articles.stream().filter(ArticleResult::failed).count();
  }

  /**
   * The wall time each article's check took (preparing it, finding its candidates in the index,
   * aligning them), in milliseconds: measured, so the one part of a check's output that differs
   * from run to run.
   *
   * @param articles articles timed
   * @param medianMillis the median, of the sorted times the middle one (the lower of two)
   * @param p95Millis the 95th percentile, nearest rank: the {@code ceil(0.95 n)}-th smallest
   * @param maxMillis the slowest
   * @param totalMillis all of them
   */
  public record Latency(
      int articles, double medianMillis, double p95Millis, double maxMillis, double totalMillis) {

    /** The latency of these per-article times, in nanoseconds (any order); null when none. */
    public static Latency of(long[] nanos) {
      if (nanos.length == 0) {
        return null;
      }
      long[] sorted = nanos.clone();
      java.util.Arrays.sort(sorted);
      long total = 0;
      for (long t : sorted) {
        total += t;
      }
      int n = sorted.length;
      return new Latency(
          n, millis(sorted[(n - 1) / 2]), millis(sorted[(int) Math.ceil(0.95 * n) - 1]),
          millis(sorted[n - 1]), millis(total));
    }

    private static double millis(long nanos) {
      return Math.round(nanos / 1e4) / 100.0;
    }
  }

  /**
   * What the caps on an article's candidates changed.
   *
   * @param maxBucket most archived articles a fingerprint may be held by and propose them all
   * @param cappedFingerprints its fingerprints held by more: each proposed only its
   *     representative holder (the one with the least id key), compared like any candidate
   * @param representatives distinct archived articles proposed so
   * @param maxCandidates most archived articles sharing passages with it that are aligned
   * @param candidatesNotCompared candidates left unaligned at that limit: the article fails
   */
  public record Caps(
      int maxBucket, int cappedFingerprints, int representatives, int maxCandidates,
      int candidatesNotCompared) {}

  /**
   * @param maxContainment an article fails when more than this share of its words is counted
   *     reuse, in [0, 1]
   * @param minPassageWords shortest passage, in words on each side
   * @param index the archive folder as given
   * @param indexArticles articles in the archive when the check ran
   * @param allowedSources sources whose reuse is licensed (not counted)
   * @param baseline the baseline file, or null
   * @param sameId {@code compare} (an archived article with the checked one's id counts) or
   *     {@code update} (it is reported, not counted)
   */
  public record Settings(
      double maxContainment,
      int minPassageWords,
      String index,
      int indexArticles,
      List<String> allowedSources,
      String baseline,
      String sameId) {

    public Settings {
      allowedSources = List.copyOf(allowedSources);
    }

    /** Settings of a check that compares an archived article of the same id. */
    public Settings(
        double maxContainment, int minPassageWords, String index, int indexArticles,
        List<String> allowedSources, String baseline) {
      this(maxContainment, minPassageWords, index, indexArticles, allowedSources, baseline,
          "compare");
    }
  }

  /**
   * One checked article.
   *
   * @param templateWords its words inside template text learned from the archive (masked: in no
   *     passage)
   * @param containment share of its words in counted passages shared with any archived article
   * @param exceeded true when {@code containment > maxContainment}
   * @param matches archived articles it shares passages with, most shared first
   * @param earlierVersion the archived article with its id, or null when the archive holds none
   * @param repetitiveWords its words inside text it repeats more than 16 times: compared with
   *     nothing, in no passage (and in the containment's denominator, as template words are)
   * @param capped what the caps on its candidates changed, or null when they changed nothing
   * @param failedOn the {@code --fail-on} kinds its counted passages carry, in kind order: the
   *     article fails for them
   * @param follows ids of the archived articles that most likely ran their shared text before
   *     it, in match order
   * @param quoteFamilies the quote families it joins with the archived articles it matches,
   *     renderings as in the scan report ({@code Q1}, ... numbered per article)
   */
  public record ArticleResult(
      String id,
      String path,
      int chars,
      int words,
      int templateWords,
      double containment,
      boolean exceeded,
      List<Match> matches,
      EarlierVersion earlierVersion,
      int repetitiveWords,
      Caps capped,
      List<String> failedOn,
      List<String> follows,
      List<Report.QuoteFamilyEntry> quoteFamilies) {

    public ArticleResult {
      matches = List.copyOf(matches);
      failedOn = failedOn == null ? List.of() : List.copyOf(failedOn);
      follows = follows == null ? List.of() : List.copyOf(follows);
      quoteFamilies = quoteFamilies == null ? List.of() : List.copyOf(quoteFamilies);
    }

    /** A result without quote families. */
    public ArticleResult(
        String id, String path, int chars, int words, int templateWords, double containment,
        boolean exceeded, List<Match> matches, EarlierVersion earlierVersion,
        int repetitiveWords, Caps capped, List<String> failedOn, List<String> follows) {
      this(id, path, chars, words, templateWords, containment, exceeded, matches, earlierVersion,
          repetitiveWords, capped, failedOn, follows, List.of());
    }

    /** A result judged by containment only, whose candidates no cap changed, no direction read. */
    public ArticleResult(
        String id, String path, int chars, int words, int templateWords, double containment,
        boolean exceeded, List<Match> matches, EarlierVersion earlierVersion,
        int repetitiveWords) {
      this(id, path, chars, words, templateWords, containment, exceeded, matches, earlierVersion,
          repetitiveWords, null, List.of(), List.of(), List.of());
    }

    /**
     * Whether it fails the gate: over the limit, some candidate not compared (past {@code
     * --max-candidates}: a gate never passes what it did not compare), or a counted passage of a
     * {@code --fail-on} kind.
     */
    public boolean failed() {
      return exceeded
          || (capped != null && capped.candidatesNotCompared() > 0)
          || !failedOn.isEmpty();
    }

    /** A result of an article whose id the archive does not hold, and that repeats nothing. */
    public ArticleResult(
        String id, String path, int chars, int words, int templateWords, double containment,
        boolean exceeded, List<Match> matches) {
      this(id, path, chars, words, templateWords, containment, exceeded, matches, null, 0);
    }
  }

  /**
   * The archived article with the checked article's own id: its earlier version.
   *
   * @param archivedPath its path as recorded in the archive, or null
   * @param identical whether its text is the checked article's, character for character
   * @param shared share of the checked article's words in passages shared with it, counted or
   *     not, in [0, 1]
   * @param counted whether those passages count against the limit ({@code --same-id compare})
   */
  public record EarlierVersion(String archivedPath, boolean identical, double shared, boolean counted) {}

  /**
   * An archived article the checked one shares passages with.
   *
   * @param containment share of the checked article's words in counted passages shared with it
   * @param containmentArchived share of the archived article's words in those passages
   * @param sameId whether the archived article has the checked article's id (its earlier version)
   * @param direction which of the two most likely ran the shared text first ({@code first} the
   *     archived id or the checked one), or null when not judged
   */
  public record Match(
      String archivedId,
      String archivedPath,
      String archivedSource,
      double containment,
      double containmentArchived,
      List<Passage> passages,
      boolean sameId,
      Report.DirectionEntry direction) {

    public Match {
      passages = List.copyOf(passages);
    }

    /** A match whose direction is not judged. */
    public Match(
        String archivedId, String archivedPath, String archivedSource, double containment,
        double containmentArchived, List<Passage> passages, boolean sameId) {
      this(archivedId, archivedPath, archivedSource, containment, containmentArchived, passages,
          sameId, null);
    }

    /** A match with an archived article of another id. */
    public Match(
        String archivedId, String archivedPath, String archivedSource, double containment,
        double containmentArchived, List<Passage> passages) {
      this(archivedId, archivedPath, archivedSource, containment, containmentArchived, passages,
          false);
    }
  }

  /**
   * A passage the checked article shares with an archived one.
   *
   * @param article the passage in the checked article
   * @param location where it is in the checked article's text, for SARIF and editors
   * @param archived the passage in the archived article
   * @param kind {@code verbatim} or {@code variant}
   * @param status {@code counted} (against the limit), {@code baseline} (accepted in the
   *     baseline file), {@code allowed} (licensed source) or {@code update} (shared with the
   *     article's earlier version under {@code --same-id update})
   * @param diff word-level edits from the archived side (a) to the checked side (b)
   * @param kinds the kinds of change from the archived side to the checked one (labels of {@code
   *     dev.refrain.diff.VariantKind}), in kind order
   */
  public record Passage(
      Report.Span article,
      Location location,
      Report.Span archived,
      double similarity,
      String kind,
      String status,
      int words,
      List<Report.DiffOp> diff,
      List<String> kinds) {

    public Passage {
      diff = List.copyOf(diff);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** A passage whose kinds of change are not read: none but {@code verbatim} when it is. */
    public Passage(
        Report.Span article, Location location, Report.Span archived, double similarity,
        String kind, String status, int words, List<Report.DiffOp> diff) {
      this(article, location, archived, similarity, kind, status, words, diff,
          "verbatim".equals(kind) ? List.of("verbatim") : List.of());
    }
  }

  /** A region of a text by lines and columns, 1-based; the end column is exclusive. */
  public record Location(int startLine, int startColumn, int endLine, int endColumn) {}
}
