package dev.refrain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the JSON report: the fields of {@code docs/report-schema.md}, a superset of the report
 * contract CI pipelines rely on. Article texts are left out (each passage carries its own text).
 * Pretty-printed with two-space indentation and {@code \n} line endings; field order fixed.
 * Streamed entry by entry ({@link ReportJson}), never built as a tree.
 */
public final class JsonReportRenderer implements ReportRenderer {

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
    try (JsonGenerator g = JsonOutput.prettyGenerator(out)) {
      g.writeStartObject();
      ReportJson.header(g, report);
      g.writeArrayFieldStart("articles");
      for (Report.ArticleEntry a : report.articles()) {
        g.writeStartObject();
        ReportJson.article(g, a);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("pairs");
      for (Report.PairEntry p : report.pairs()) {
        g.writeStartObject();
        ReportJson.pair(g, p);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("clusters");
      for (Report.ClusterEntry c : report.clusters()) {
        g.writeStartObject();
        ReportJson.cluster(g, c);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("quoteFamilies");
      for (Report.QuoteFamilyEntry f : report.quoteFamilies()) {
        g.writeStartObject();
        ReportJson.quoteFamily(g, f);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeFieldName("templates");
      g.writeObject(report.templates());
      g.writeFieldName("problems");
      g.writeObject(report.problems());
      g.writeFieldName("stats");
      g.writeObject(report.stats());
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }
}
