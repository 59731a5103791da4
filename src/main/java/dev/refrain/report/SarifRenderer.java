package dev.refrain.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the check result as SARIF 2.1.0, for code-scanning views: one run of the tool {@code
 * refrain} with two rules,
 *
 * <ul>
 *   <li>{@code refrain/reused-passage}: one result per passage shared with an archived article.
 *       A counted passage is a {@code warning}, or an {@code error} when its article is over the
 *       limit. A passage that is not counted (status {@code baseline}, {@code allowed} or {@code update}) is a {@code note} with {@code suppressions: [{kind: "external",
 *       justification: <status>}]}: suppressed is how SARIF says "found, and accepted"; the
 *       {@code note} level keeps it quiet in viewers that ignore suppressions.
 *   <li>{@code refrain/article-over-limit}: one {@code error} per article over the limit, at
 *       line 1 of the article.
 * </ul>
 *
 * <p>A passage's location is the checked article's path and the passage's lines and columns
 * ({@code columnKind} {@code utf16CodeUnits}, end column exclusive) with its text as snippet;
 * its related location is the archived article's path, the passage's offsets there and its
 * text. Paths become URI references: {@code \} made {@code /}, characters outside a URI path
 * percent-encoded (UTF-8); relative paths stay relative with {@code uriBaseId} {@code
 * %SRCROOT%} (the folder the check ran in), absolute ones become {@code file:} URIs.
 *
 * <p>{@code partialFingerprints} let viewers follow a result from run to run: {@code
 * refrainPassage/v1} is the SHA-256 (hex) of the archived article's id, a NUL, and the checked
 * side's passage text normalized (NFKC, lower case, whitespace runs made one space, trimmed);
 * {@code refrainArticle/v1} likewise of the article's id. Input problems are tool execution
 * notifications of the run's invocation. Output is deterministic.
 */
public final class SarifRenderer implements CheckRenderer {
  /** Where the {@code $schema} property points. */
  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

  public static final String RULE_PASSAGE = "refrain/reused-passage";
  public static final String RULE_OVER_LIMIT = "refrain/article-over-limit";
  public static final String RULE_NOT_COMPARED = "refrain/article-not-compared-in-full";
  public static final String FINGERPRINT_PASSAGE = "refrainPassage/v1";
  public static final String FINGERPRINT_ARTICLE = "refrainArticle/v1";
  /** The base id of relative article paths: the folder the check ran in. */
  public static final String SRCROOT = "%SRCROOT%";

  /** Longest excerpt in a related location's message, in characters. */
  static final int MESSAGE_EXCERPT_CHARS = 200;

  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:/.*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String fileName() {
    return "check.sarif";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    JsonOutput.write(tree(report), out);
  }

  /** The SARIF log as a JSON tree. */
  public static ObjectNode tree(CheckReport report) {
    ObjectNode root = CheckJsonRenderer.object();
    root.put("$schema", SCHEMA_URI);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    driver(run.putObject("tool").putObject("driver"));
    if (!report.problems().isEmpty()) {
      invocation(run.putArray("invocations").addObject(), report.problems());
    }
    run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
        .put("text", "The folder the check ran in: relative article paths are resolved against it.");
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    double limit = report.settings() == null ? Double.NaN : report.settings().maxContainment();
    for (CheckReport.ArticleResult a : report.articles()) {
      if (a.exceeded()) {
        overLimit(results.addObject(), a, limit);
      }
      if (a.failed() && !a.exceeded()) {
        notComparedInFull(results.addObject(), a);
      }
      for (CheckReport.Match m : a.matches()) {
        for (CheckReport.Passage p : m.passages()) {
          passage(results.addObject(), a, m, p, limit);
        }
      }
    }
    return root;
  }

  // ---------------------------------------------------------------- tool

  private static void driver(ObjectNode driver) {
    driver.put("name", "refrain");
    ArrayNode rules = driver.putArray("rules");
    rule(rules.addObject(), RULE_PASSAGE, "ReusedPassage",
        "Passage reused from an archived article.",
        "A passage of the checked article is shared, verbatim or as a variant, with an article"
            + " in the archive. Counted passages make up the share of the article's words that"
            + " is reused; baselined and allowed-source passages are reported as suppressed"
            + " results. Template text (a site footer the archive learned) is no passage.",
        "warning",
        "Rewrite or attribute the passage, add it to the baseline if the reuse is accepted, or"
            + " allow its source if the reuse is licensed.");
    rule(rules.addObject(), RULE_OVER_LIMIT, "ArticleOverLimit",
        "Article reuses more of its words than the limit.",
        "More of the checked article's words are in counted passages shared with archived"
            + " articles than the limit allows (--max-containment).",
        "error",
        "Look at the article's reused-passage results: rewrite, attribute or baseline them"
            + " until the reused share is within the limit.");
    rule(rules.addObject(), RULE_NOT_COMPARED, "ArticleNotComparedInFull",
        "Article not compared with every archived article that may share passages with it.",
        "More archived articles shared passages with the checked article than --max-candidates"
            + " allows aligning; the others were not compared, so the check fails closed"
            + " whatever the article's reused share.",
        "error",
        "Raise --max-candidates, or look at why so many archived articles share its text.");
  }

  private static void notComparedInFull(ObjectNode r, CheckReport.ArticleResult a) {
    r.put("ruleId", RULE_NOT_COMPARED);
    r.put("ruleIndex", 2);
    r.put("level", "error");
    CheckReport.Caps c = a.capped();
    r.putObject("message").put("text", a.id() + " was not compared with "
        + CheckFormat.count(c.candidatesNotCompared(), "candidate") + " past --max-candidates "
        + c.maxCandidates() + ": it fails whatever its reused share ("
        + CheckFormat.percent(a.containment()) + ").");
    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    physical.set("artifactLocation", articleLocation(a));
    physical.putObject("region").put("startLine", 1);
    r.putObject("partialFingerprints").put(FINGERPRINT_ARTICLE, fingerprint(a.id()));
    ObjectNode props = r.putObject("properties");
    props.put("article", a.id());
    props.put("candidatesNotCompared", c.candidatesNotCompared());
    props.put("maxCandidates", c.maxCandidates());
  }

  private static void rule(
      ObjectNode rule,
      String id,
      String name,
      String shortText,
      String fullText,
      String level,
      String help) {
    rule.put("id", id);
    rule.put("name", name);
    rule.putObject("shortDescription").put("text", shortText);
    rule.putObject("fullDescription").put("text", fullText);
    rule.putObject("defaultConfiguration").put("level", level);
    rule.putObject("help").put("text", help);
  }

  private static void invocation(ObjectNode invocation, List<Report.ProblemEntry> problems) {
    invocation.put("executionSuccessful", true);
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (Report.ProblemEntry p : problems) {
      ObjectNode n = notifications.addObject();
      n.put("level", "warning".equals(p.kind()) ? "warning" : "error");
      n.putObject("message").put("text", p.kind() + ": " + p.message());
      ObjectNode artifact = artifactLocation(p.path());
      if (artifact != null) {
        n.putArray("locations").addObject().putObject("physicalLocation")
            .set("artifactLocation", artifact);
      }
    }
  }

  // ---------------------------------------------------------------- results

  private static void overLimit(ObjectNode r, CheckReport.ArticleResult a, double limit) {
    r.put("ruleId", RULE_OVER_LIMIT);
    r.put("ruleIndex", 1);
    r.put("level", "error");
    long sources =
        a.matches().stream().filter(m -> m.passages().stream().anyMatch(CheckFormat::counted))
            .count();
    String text = a.id() + " reuses " + CheckFormat.percent(a.containment())
        + " of its words from the archive"
        + (Double.isNaN(limit) ? "" : ", over the limit of " + CheckFormat.percent(limit))
        + ": " + CheckFormat.count(CheckFormat.countedPassages(a), "counted passage")
        + " shared with " + CheckFormat.count(sources, "archived article") + ".";
    r.putObject("message").put("text", text);
    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    physical.set("artifactLocation", articleLocation(a));
    physical.putObject("region").put("startLine", 1);
    r.putObject("partialFingerprints").put(FINGERPRINT_ARTICLE, fingerprint(a.id()));
    ObjectNode props = r.putObject("properties");
    props.put("article", a.id());
    props.put("containment", a.containment());
    if (!Double.isNaN(limit)) {
      props.put("maxContainment", limit);
    }
  }

  private static void passage(
      ObjectNode r,
      CheckReport.ArticleResult a,
      CheckReport.Match m,
      CheckReport.Passage p,
      double limit) {
    boolean counted = CheckFormat.counted(p);
    r.put("ruleId", RULE_PASSAGE);
    r.put("ruleIndex", 0);
    r.put("level", !counted ? "note" : a.exceeded() ? "error" : "warning");
    r.putObject("message").put("text", message(a, m, p, limit));

    ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
    physical.set("artifactLocation", articleLocation(a));
    ObjectNode region = physical.putObject("region");
    CheckReport.Location at = p.location();
    if (at != null) {
      region.put("startLine", at.startLine());
      region.put("startColumn", at.startColumn());
      region.put("endLine", at.endLine());
      region.put("endColumn", at.endColumn());
    } else if (p.article() != null) {
      region.put("charOffset", p.article().start());
      region.put("charLength", p.article().end() - p.article().start());
    }
    if (p.article() != null && p.article().text() != null) {
      region.putObject("snippet").put("text", p.article().text());
    }

    ObjectNode related = r.putArray("relatedLocations").addObject();
    related.put("id", 1);
    ObjectNode archivedArtifact = artifactLocation(m.archivedPath());
    if (archivedArtifact != null) {
      ObjectNode rp = related.putObject("physicalLocation");
      rp.set("artifactLocation", archivedArtifact);
      if (p.archived() != null) {
        ObjectNode rr = rp.putObject("region");
        rr.put("charOffset", p.archived().start());
        rr.put("charLength", p.archived().end() - p.archived().start());
        if (p.archived().text() != null) {
          rr.putObject("snippet").put("text", p.archived().text());
        }
      }
    }
    String archivedText = p.archived() == null ? "" : p.archived().text();
    related.putObject("message").put("text", "Archived passage in " + m.archivedId() + ": \""
        + CheckFormat.excerpt(archivedText, MESSAGE_EXCERPT_CHARS) + "\"");

    if (!counted) {
      ObjectNode suppression = r.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("justification", p.status());
    }
    String passageText = p.article() == null ? "" : p.article().text();
    r.putObject("partialFingerprints")
        .put(FINGERPRINT_PASSAGE, fingerprint(m.archivedId() + "\u0000" + normalize(passageText)));
    ObjectNode props = r.putObject("properties");
    props.put("article", a.id());
    props.put("archivedId", m.archivedId());
    if (m.archivedSource() != null) {
      props.put("archivedSource", m.archivedSource());
    }
    props.put("similarity", p.similarity());
    props.put("kind", p.kind());
    props.put("status", p.status());
    props.put("words", p.words());
  }

  /**
   * {@code Passage shared with archived article x (Source), similarity 0.84 (variant, 12
   * words); counted: ...}.
   */
  private static String message(
      CheckReport.ArticleResult a, CheckReport.Match m, CheckReport.Passage p, double limit) {
    StringBuilder b = new StringBuilder("Passage shared with archived article ")
        .append(m.archivedId());
    if (m.archivedSource() != null && !m.archivedSource().isBlank()) {
      b.append(" (").append(m.archivedSource()).append(')');
    }
    b.append(", similarity ").append(CheckFormat.number2(p.similarity())).append(" (")
        .append(p.kind()).append(", ").append(CheckFormat.count(p.words(), "word")).append(')');
    if (CheckFormat.counted(p)) {
      b.append("; counted: the article reuses ").append(CheckFormat.percent(a.containment()))
          .append(" of its words");
      if (!Double.isNaN(limit)) {
        b.append(" (limit ").append(CheckFormat.percent(limit)).append(')');
      }
    } else {
      b.append("; not counted: ").append(p.status());
    }
    return b.append('.').toString();
  }

  // ---------------------------------------------------------------- locations

  private static ObjectNode articleLocation(CheckReport.ArticleResult a) {
    ObjectNode n = artifactLocation(a.path());
    return n != null ? n : artifactLocation(a.id());
  }

  /** {@code {uri, uriBaseId}} of a path, or null for no path. */
  static ObjectNode artifactLocation(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    ObjectNode n = CheckJsonRenderer.object();
    String p = path.replace('\\', '/');
    if (p.startsWith("/")) {
      n.put("uri", "file://" + encodePath(p, true));
    } else if (WINDOWS_DRIVE.matcher(p).matches()) {
      n.put("uri", "file:///" + encodePath(p, true));
    } else {
      while (p.startsWith("./")) {
        p = p.substring(2);
      }
      n.put("uri", encodePath(p, false));
      n.put("uriBaseId", SRCROOT);
    }
    return n;
  }

  /**
   * {@code path} as the path of a URI: unreserved characters, sub-delimiters, {@code @} and
   * {@code /} kept, {@code :} too when {@code absolute} (in a relative reference it would read as
   * a scheme), every other character percent-encoded as UTF-8.
   */
  static String encodePath(String path, boolean absolute) {
    StringBuilder b = new StringBuilder(path.length() + 16);
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=@/".indexOf(c) >= 0 || (absolute && c == ':');
      if (keep) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- fingerprints

  /** NFKC, lower case, whitespace runs made one space, trimmed. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /** SHA-256 of the UTF-8 bytes of {@code s}, lower-case hex. */
  static String fingerprint(String s) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
