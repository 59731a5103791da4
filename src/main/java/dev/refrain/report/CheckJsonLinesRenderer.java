package dev.refrain.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the check result as JSON Lines ({@code check.jsonl}): one JSON object a line, each with
 * a {@code type} first, for scripts that read a result a line at a time (one article a line,
 * {@code jq -c 'select(.type == "article" and .exceeded)'}). The lines, in order: one {@code
 * header} ({@code schemaVersion}, {@code tool}, {@code settings}), an {@code article} per checked
 * article (the fields of an {@code articles[]} entry of {@code check.json}, sorted by id), a
 * {@code problem} per input problem, and a last {@code summary} ({@code articles}, {@code
 * exceeded}): a reader that did not see it got a cut-off file. Deterministic, {@code \n} line
 * endings.
 */
public final class CheckJsonLinesRenderer implements CheckRenderer {
  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public String fileName() {
    return "check.jsonl";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    ObjectNode header = line("header");
    header.put("schemaVersion", report.schemaVersion());
    header.put("tool", "refrain");
    CheckJsonRenderer.settings(header, report.settings());
    write(header, out);
    for (CheckReport.ArticleResult a : report.articles()) {
      ObjectNode n = line("article");
      CheckJsonRenderer.article(n, a);
      write(n, out);
    }
    for (Report.ProblemEntry p : report.problems()) {
      ObjectNode n = line("problem");
      n.setAll((ObjectNode) JsonOutput.MAPPER.valueToTree(p));
      write(n, out);
    }
    ObjectNode summary = line("summary");
    CheckJsonRenderer.summary(summary, report);
    write(summary, out);
    out.flush();
  }

  private static ObjectNode line(String type) {
    ObjectNode n = CheckJsonRenderer.object();
    n.put("type", type);
    return n;
  }

  private static void write(ObjectNode line, Writer out) throws IOException {
    out.write(JsonOutput.MAPPER.writeValueAsString(line));
    out.write('\n');
  }
}
