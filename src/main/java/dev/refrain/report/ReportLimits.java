package dev.refrain.report;

/**
 * How much of a large report the pages people read (HTML, Markdown) show: the first entries of
 * each list in report order (pairs most shared first, clusters and templates largest first),
 * with a count of what was left out. The JSON and JSON Lines reports always hold everything.
 *
 * @param pairsListed pairs in the ranked table
 * @param pairsInDetail pairs shown side by side with their passages
 * @param clusters clusters shown
 * @param templates templates shown
 * @param articles articles listed (all of them up to this many; beyond it, those in what is
 *     shown)
 */
public record ReportLimits(
    int pairsListed, int pairsInDetail, int clusters, int templates, int articles) {

  /** Enough for any scan a person reads through; a 30,000-article scan stays a few MB. */
  public static final ReportLimits DEFAULT = new ReportLimits(1000, 200, 200, 100, 1000);

  public ReportLimits {
    if (pairsListed < 0 || pairsInDetail < 0 || clusters < 0 || templates < 0 || articles < 0) {
      throw new IllegalArgumentException("report limits must not be negative");
    }
  }

  /** "; 12 more in report.json" style note for {@code total} entries of which {@code shown}. */
  static String more(int total, int shown, String noun) {
    int left = total - shown;
    return left <= 0 ? "" : left + " more " + noun + (left == 1 ? "" : "s") + " not shown here"
        + " (all of them are in report.json and report.jsonl)";
  }
}
