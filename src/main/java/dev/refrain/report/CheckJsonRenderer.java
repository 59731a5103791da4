package dev.refrain.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the check result as JSON: the fields of {@code docs/check-schema.md}, in model order
 * ({@code schemaVersion}, {@code tool}, {@code settings}, {@code articles}, {@code problems},
 * {@code summary}). Each passage keeps the report contract's shape: {@code article} and {@code
 * archived} spans {@code {start, end, text}}, then {@code location}, {@code similarity}, {@code
 * kind}, {@code status}, {@code words}, {@code diff}. Optional strings that are unknown are left
 * out. Pretty-printed with two-space indentation and {@code \n} line endings, like {@code
 * report.json}.
 */
public final class CheckJsonRenderer implements CheckRenderer {
  private static final ObjectMapper MAPPER = JsonOutput.MAPPER;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "check.json";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    JsonOutput.write(tree(report), out);
  }

  /** A new empty JSON object (for the JSON outputs of this package). */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The check result as a JSON tree. */
  public static ObjectNode tree(CheckReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", report.schemaVersion());
    root.put("tool", "refrain");
    settings(root, report.settings());
    ArrayNode articles = root.putArray("articles");
    for (CheckReport.ArticleResult a : report.articles()) {
      article(articles.addObject(), a);
    }
    root.set("problems", MAPPER.valueToTree(report.problems()));
    summary(root.putObject("summary"), report);
    return root;
  }

  /**
   * Writes the {@code summary} fields into {@code n}: articles checked, how many exceeded, how
   * many failed, the time per article.
   */
  static void summary(ObjectNode n, CheckReport report) {
    n.put("articles", report.articles().size());
    n.put("exceeded", report.exceeded());
    n.put("failed", report.failed());
    if (report.latency() != null) {
      n.set("latency", MAPPER.valueToTree(report.latency()));
    }
  }

  /** Writes {@code s} as the {@code settings} object of {@code root}; nothing when null. */
  static void settings(ObjectNode root, CheckReport.Settings s) {
    if (s != null) {
      ObjectNode n = root.putObject("settings");
      n.put("maxContainment", s.maxContainment());
      n.put("minPassageWords", s.minPassageWords());
      putIfPresent(n, "index", s.index());
      n.put("indexArticles", s.indexArticles());
      ArrayNode allowed = n.putArray("allowedSources");
      s.allowedSources().forEach(allowed::add);
      putIfPresent(n, "baseline", s.baseline());
      putIfPresent(n, "sameId", s.sameId());
    }
  }

  /** Writes one checked article's result into {@code n}: an {@code articles[]} entry. */
  static void article(ObjectNode n, CheckReport.ArticleResult a) {
    n.put("id", a.id());
    putIfPresent(n, "path", a.path());
    n.put("chars", a.chars());
    n.put("words", a.words());
    n.put("templateWords", a.templateWords());
    n.put("repetitiveWords", a.repetitiveWords());
    n.put("containment", a.containment());
    n.put("exceeded", a.exceeded());
    ArrayNode failedOn = n.putArray("failedOn");
    a.failedOn().forEach(failedOn::add);
    n.put("failed", a.failed());
    if (a.capped() != null) {
      n.set("capped", MAPPER.valueToTree(a.capped()));
    }
    ArrayNode follows = n.putArray("follows");
    a.follows().forEach(follows::add);
    CheckReport.EarlierVersion e = a.earlierVersion();
    if (e != null) {
      ObjectNode en = n.putObject("earlierVersion");
      putIfPresent(en, "archivedPath", e.archivedPath());
      en.put("identical", e.identical());
      en.put("shared", e.shared());
      en.put("counted", e.counted());
    }
    ArrayNode matches = n.putArray("matches");
    for (CheckReport.Match m : a.matches()) {
      ObjectNode mn = matches.addObject();
      mn.put("archivedId", m.archivedId());
      putIfPresent(mn, "archivedPath", m.archivedPath());
      putIfPresent(mn, "archivedSource", m.archivedSource());
      mn.put("containment", m.containment());
      mn.put("containmentArchived", m.containmentArchived());
      mn.put("sameId", m.sameId());
      if (m.direction() != null) {
        ObjectNode d = mn.putObject("direction");
        putIfPresent(d, "first", m.direction().first());
        d.put("basis", m.direction().basis());
        d.put("reason", m.direction().reason());
      }
      ArrayNode passages = mn.putArray("passages");
      for (CheckReport.Passage p : m.passages()) {
        ObjectNode q = passages.addObject();
        q.set("article", MAPPER.valueToTree(p.article()));
        q.set("archived", MAPPER.valueToTree(p.archived()));
        q.set("location", MAPPER.valueToTree(p.location()));
        q.put("similarity", p.similarity());
        q.put("kind", p.kind());
        q.put("status", p.status());
        q.put("words", p.words());
        ArrayNode kinds = q.putArray("kinds");
        p.kinds().forEach(kinds::add);
        q.set("diff", MAPPER.valueToTree(p.diff()));
      }
      n.set("quoteFamilies", MAPPER.valueToTree(a.quoteFamilies()));
    }
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
