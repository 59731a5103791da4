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

  /**
   * Who ran a shared text first: {@code "ran first: 003 (published 2023-06-17 before
   * 2023-06-18)"}, or {@code "ran first: unknown (...)"}; "" when not judged.
   */
  static String direction(Report.DirectionEntry d) {
    if (d == null) {
      return "";
    }
    if (d.first() == null) {
      return "ran first: unknown (" + d.reason().replaceFirst("^unknown: ", "") + ")";
    }
    return "ran first: " + d.first() + " (" + d.reason() + ")";
  }

  /** The kinds of change of a passage, comma-separated; its {@code kind} when none are read. */
  static String kinds(java.util.List<String> kinds, String kind) {
    return kinds.isEmpty() ? (kind == null ? "variant" : kind) : String.join(", ", kinds);
  }
}
