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
 */
public record CheckReport(
    int schemaVersion, Settings settings, List<ArticleResult> articles, List<Report.ProblemEntry> problems) {

  /**
   * 3: an archived article with the checked article's own id is compared and counted (it was left
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

  /** Articles whose counted containment is over the limit. */
  public long exceeded() {
    return articles.stream().filter(ArticleResult::exceeded).count();
  }

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
      List<Report.QuoteFamilyEntry> quoteFamilies) {

    public ArticleResult {
      matches = List.copyOf(matches);
      quoteFamilies = List.copyOf(quoteFamilies);
    }

    /** A result without quote families. */
    public ArticleResult(
        String id, String path, int chars, int words, int templateWords, double containment,
        boolean exceeded, List<Match> matches, EarlierVersion earlierVersion, int repetitiveWords) {
      this(id, path, chars, words, templateWords, containment, exceeded, matches, earlierVersion,
          repetitiveWords, List.of());
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
   */
  public record Match(
      String archivedId,
      String archivedPath,
      String archivedSource,
      double containment,
      double containmentArchived,
      List<Passage> passages,
      boolean sameId) {

    public Match {
      passages = List.copyOf(passages);
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
   */
  public record Passage(
      Report.Span article,
      Location location,
      Report.Span archived,
      double similarity,
      String kind,
      String status,
      int words,
      List<Report.DiffOp> diff) {

    public Passage {
      diff = List.copyOf(diff);
    }
  }

  /** A region of a text by lines and columns, 1-based; the end column is exclusive. */
  public record Location(int startLine, int startColumn, int endLine, int endColumn) {}
}
