package dev.refrain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the report as JSON Lines ({@code report.jsonl}): one JSON object a line, each with a
 * {@code type} first, for pipelines that read a large report a line at a time. The lines, in
 * order: one {@code header} (schema version, tool, settings), an {@code article} per article, a
 * {@code pair} per pair (the fields of a {@code pairs[]} entry of {@code report.json}, most shared
 * first), a {@code cluster} per cluster, a {@code quoteFamily} per quote family, a {@code template} per template, a {@code problem} per
 * input problem, and a last {@code stats} line: a reader that did not see it got a cut-off file.
 * Deterministic, {@code \n} line endings.
 */
public final class JsonLinesReportRenderer implements ReportRenderer {

  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public String fileName() {
    return "report.jsonl";
  }

  /** Writes one line: {@code {"type": type, ...fields}}. */
  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static void line(Writer out, String type, Fields fields) throws IOException {
    try (JsonGenerator g = JsonOutput.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type);
      fields.write(g);
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static String line(String type, Fields fields) {
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      line(out, type, fields);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  // One line each, ending in \n, exactly as render writes it: for a distributed job that writes
  // the lines of report.jsonl where it computes the entries.

  /** The {@code header} line of a report with these settings. */
  public static String headerLine(Report.Settings settings) {
    return line("header", g -> ReportJson.header(g, Report.SCHEMA_VERSION, settings));
  }

  /** An {@code article} line. */
  public static String articleLine(Report.ArticleEntry a) {
    return line("article", g -> ReportJson.article(g, a));
  }

  /** A {@code pair} line. */
  public static String pairLine(Report.PairEntry p) {
    return line("pair", g -> ReportJson.pair(g, p));
  }

  /** A {@code cluster} line. */
  public static String clusterLine(Report.ClusterEntry c) {
    return line("cluster", g -> ReportJson.cluster(g, c));
  }

  /** A {@code quoteFamily} line. */
  public static String quoteFamilyLine(Report.QuoteFamilyEntry f) {
    return line("quoteFamily", g -> ReportJson.quoteFamily(g, f));
  }

  /** A {@code template} line. */
  public static String templateLine(Report.TemplateEntry t) {
    return line("template", g -> ReportJson.fields(g, t));
  }

  /** A {@code problem} line. */
  public static String problemLine(Report.ProblemEntry p) {
    return line("problem", g -> ReportJson.fields(g, p));
  }

  /** The last line, {@code stats}. */
  public static String statsLine(Report.Stats s) {
    return line("stats", g -> ReportJson.fields(g, s));
  }

  @Override
  public void render(Report report, Writer out) throws IOException {
    line(out, "header", g -> ReportJson.header(g, report));
    for (Report.ArticleEntry a : report.articles()) {
      line(out, "article", g -> ReportJson.article(g, a));
    }
    for (Report.PairEntry p : report.pairs()) {
      line(out, "pair", g -> ReportJson.pair(g, p));
    }
    for (Report.ClusterEntry c : report.clusters()) {
      line(out, "cluster", g -> ReportJson.cluster(g, c));
    }
    for (Report.QuoteFamilyEntry f : report.quoteFamilies()) {
      line(out, "quoteFamily", g -> ReportJson.quoteFamily(g, f));
    }
    for (Report.TemplateEntry t : report.templates()) {
      line(out, "template", g -> ReportJson.fields(g, t));
    }
    for (Report.ProblemEntry p : report.problems()) {
      line(out, "problem", g -> ReportJson.fields(g, p));
    }
    line(out, "stats", g -> ReportJson.fields(g, report.stats()));
    out.flush();
  }
}
