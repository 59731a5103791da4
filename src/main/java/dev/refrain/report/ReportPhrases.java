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
   * What the bucket cap left out, in one sentence: "11 fingerprints were held by more than 200
   * articles (2,000 articles hold them): each holder was compared with one representative
   * article (1,999 such pairs), not with every other holder; at most 1,996,957 pairs of those
   * articles were not compared (raise --max-bucket to compare more)". Null when nothing was
   * capped.
   */
  static String caps(Report.Caps c) {
    if (c == null || c.fingerprints() == 0) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "capped: %,d %s held by more than %,d articles (%,d %s them): each holder was compared"
            + " with one representative article (%,d such pairs), not with every other holder;"
            + " at most %,d pairs of those articles were not compared (raise --max-bucket to"
            + " compare more)",
        c.fingerprints(), c.fingerprints() == 1 ? "fingerprint was" : "fingerprints were",
        c.maxBucket(), c.articles(), c.articles() == 1 ? "article holds" : "articles hold",
        c.representativePairs(), c.pairsNotCompared());
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

  /** A rendering's kinds of change after its attribution: "; reworded, attribution-changed". */
  static String renderingKinds(Report.QuoteRenderingEntry r) {
    return r.kinds().isEmpty() ? "" : "; " + String.join(", ", r.kinds());
  }

  /** "3 more quote families not shown here (...)". */
  static String moreQuoteFamilies(int total, int shown) {
    int left = total - shown;
    return left <= 0 ? "" : left + " more quote famil" + (left == 1 ? "y" : "ies")
        + " not shown here (all of them are in report.json and report.jsonl)";
  }
}
