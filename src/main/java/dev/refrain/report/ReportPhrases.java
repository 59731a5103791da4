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
}
