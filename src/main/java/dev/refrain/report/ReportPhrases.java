package dev.refrain.report;

/**
 * The sentences the human-readable reports (HTML, Markdown) share, in plain text: each renderer
 * escapes them for its format.
 */
final class ReportPhrases {
  private ReportPhrases() {}

  static final String NO_TEMPLATES =
      "No template text: nothing recurs at the head or tail of many articles of a source.";

  static final String TEMPLATES_LEGEND =
      "Site and template text (footers, newsletter blurbs) at the head or tail of many articles"
          + " of a source, learned before pairing and reported once: it is in no pair and no"
          + " containment.";

  /** Whose template it is: "every source", "no source named" or "sources: a, b". */
  static String templateSources(Report.TemplateEntry t) {
    if (t.corpusWide()) {
      return "every source";
    }
    return t.sources().isEmpty() ? "no source named" : "sources: " + String.join(", ", t.sources());
  }

  static final String NO_QUOTE_FAMILIES = "No quotation recurs in two or more articles.";

  static final String QUOTE_FAMILIES_LEGEND =
      "Quotations two or more articles render, verbatim, trimmed or reworded: each with the"
          + " speaker most of them name, the canonical rendering, and each other article's"
          + " rendering as a word diff against it, with how that article attributes it";

  /** "Daniel Kritenbrink" (person), "State Department" (organisation), or "no speaker named". */
  static String speakerOf(Report.QuoteFamilyEntry f) {
    return f.speaker() == null ? "no speaker named" : f.speaker();
  }

  /** How one rendering attributes its quote, e.g. "says: he", "names someone else: X". */
  static String attribution(Report.QuoteRenderingEntry r) {
    String mention =
        r.speakerMention() == null || r.speakerMention().equals(r.speaker())
            ? ""
            : " (\u201c" + r.speakerMention() + "\u201d)";
    return switch (r.attribution()) {
      case "speaker" -> "attributed to " + r.speaker() + mention;
      case "other" -> "attributed to someone else: " + r.speaker() + mention;
      case "unnamed" -> "speaker not named: " + r.speaker() + mention;
      default -> "no speaker given";
    };
  }

  /** "3 more quote families not shown here (...)". */
  static String moreQuoteFamilies(int total, int shown) {
    int left = total - shown;
    return left <= 0 ? "" : left + " more quote famil" + (left == 1 ? "y" : "ies")
        + " not shown here (all of them are in report.json and report.jsonl)";
  }
}
