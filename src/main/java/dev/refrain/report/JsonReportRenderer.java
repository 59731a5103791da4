package dev.refrain.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the JSON report: the fields of {@code docs/report-schema.md}, a superset of the report
 * contract CI pipelines rely on. Article texts are left out (each passage carries its own text).
 * Pretty-printed with two-space indentation and {@code \n} line endings; field order fixed.
 */
public final class JsonReportRenderer implements ReportRenderer {
  private static final ObjectMapper MAPPER = JsonOutput.MAPPER;

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    ObjectNode root = tree(report);
    JsonOutput.write(root, out);
  }

  /** The report as a JSON tree (used by tests and other JSON outputs). */
  public static ObjectNode tree(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", report.schemaVersion());
    root.put("tool", "refrain");
    root.set("settings", MAPPER.valueToTree(report.settings()));
    ArrayNode articles = root.putArray("articles");
    for (Report.ArticleEntry a : report.articles()) {
      ObjectNode n = articles.addObject();
      n.put("id", a.id());
      n.put("path", a.path());
      n.put("chars", a.chars());
      n.put("words", a.words());
      n.put("templateWords", a.templateWords());
      putIfPresent(n, "source", a.source());
      putIfPresent(n, "title", a.title());
      putIfPresent(n, "published", a.published());
    }
    ArrayNode pairs = root.putArray("pairs");
    for (Report.PairEntry p : report.pairs()) {
      ObjectNode n = pairs.addObject();
      n.put("a", p.a());
      n.put("b", p.b());
      n.put("containmentA", p.containmentA());
      n.put("containmentB", p.containmentB());
      n.put("jaccard", p.jaccard());
      n.put("longestPassageWords", p.longestPassageWords());
      ArrayNode passages = n.putArray("passages");
      for (Report.PassageEntry x : p.passages()) {
        ObjectNode q = passages.addObject();
        q.set("a", MAPPER.valueToTree(x.a()));
        q.set("b", MAPPER.valueToTree(x.b()));
        q.put("similarity", x.similarity());
        // Contract field: template text is masked before pairing, so no passage is boilerplate.
        q.put("boilerplate", false);
        q.put("kind", x.kind());
        q.put("wordsA", x.wordsA());
        q.put("wordsB", x.wordsB());
        if (x.cluster() != null) {
          q.put("cluster", x.cluster());
        }
        q.set("diff", MAPPER.valueToTree(x.diff()));
      }
    }
    root.set("clusters", MAPPER.valueToTree(report.clusters()));
    root.set("templates", MAPPER.valueToTree(report.templates()));
    root.set("problems", MAPPER.valueToTree(report.problems()));
    root.set("stats", MAPPER.valueToTree(report.stats()));
    return root;
  }

  private static void putIfPresent(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }
}
