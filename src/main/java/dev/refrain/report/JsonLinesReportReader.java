package dev.refrain.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Lines report ({@code report.jsonl}, as {@code scan --format jsonl} and the Spark
 * job write it) back into a {@link Report}, so the HTML and Markdown renderers can draw a chosen
 * part of it. The reverse of {@link JsonLinesReportRenderer}: line types it does not know are an
 * error (a newer writer), and a file without its last {@code stats} line was cut off.
 */
public final class JsonLinesReportReader {
  private static final ObjectMapper MAPPER =
      JsonOutput.MAPPER.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JsonLinesReportReader() {}

  /** A report file that cannot be read: the message names the file, and the line when known. */
  public static final class Invalid extends IOException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** What a report file holds, in file order. */
  public record Contents(
      int schemaVersion,
      Report.Settings settings,
      List<Report.ArticleEntry> articles,
      List<Report.PairEntry> pairs,
      List<Report.ClusterEntry> clusters,
      List<Report.TemplateEntry> templates,
      List<Report.ProblemEntry> problems,
      Report.Stats stats,
      List<Report.QuoteFamilyEntry> quoteFamilies) {

    /** The report of these contents, with the article texts known ({@code texts}, by id). */
    public Report report(Map<String, String> texts) {
      return new Report(
          schemaVersion, settings, articles, pairs, clusters, templates, problems, stats, texts,
          quoteFamilies);
    }
  }

  /** Reads {@code file}. */
  public static Contents read(Path file) throws IOException {
    int schemaVersion = 0;
    Report.Settings settings = null;
    List<Report.ArticleEntry> articles = new ArrayList<>();
    List<Report.PairEntry> pairs = new ArrayList<>();
    List<Report.ClusterEntry> clusters = new ArrayList<>();
    List<Report.TemplateEntry> templates = new ArrayList<>();
    List<Report.ProblemEntry> problems = new ArrayList<>();
    List<Report.QuoteFamilyEntry> quoteFamilies = new ArrayList<>();
    Report.Stats stats = null;
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (stats != null) {
          throw new Invalid(file + ": line " + lineNumber + ": a line after the last (stats) line");
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          throw new Invalid(file + ": line " + lineNumber + ": not JSON (" + firstLine(e) + ")");
        }
        String type = node.path("type").asText("");
        try {
          switch (type) {
            case "header" -> {
              schemaVersion = node.path("schemaVersion").asInt();
              settings = MAPPER.treeToValue(node.get("settings"), Report.Settings.class);
            }
            case "article" -> {
              Report.ArticleEntry a = MAPPER.treeToValue(node, Report.ArticleEntry.class);
              articles.add(
                  new Report.ArticleEntry(
                      a.id(), a.path(), a.chars(), a.words(), a.templateWords(), a.source(),
                      a.title(), a.published(), a.repetitiveWords(),
                      withTexts(a.internalRepeats())));
            }
            case "pair" -> {
              Report.PairEntry p = MAPPER.treeToValue(node, Report.PairEntry.class);
              pairs.add(
                  new Report.PairEntry(
                      p.a(), p.b(), p.containmentA(), p.containmentB(), p.jaccard(),
                      p.longestPassageWords(), withTexts(p.passages()), p.direction()));
            }
            case "cluster" ->
                clusters.add(withTexts(MAPPER.treeToValue(node, Report.ClusterEntry.class)));
            case "quoteFamily" ->
                quoteFamilies.add(withTexts(MAPPER.treeToValue(node, Report.QuoteFamilyEntry.class)));
            case "template" -> templates.add(MAPPER.treeToValue(node, Report.TemplateEntry.class));
            case "problem" -> problems.add(MAPPER.treeToValue(node, Report.ProblemEntry.class));
            case "stats" -> stats = MAPPER.treeToValue(node, Report.Stats.class);
            default ->
                throw new Invalid(
                    file + ": line " + lineNumber + ": unknown line type \"" + type
                        + "\" (a report of another refrain version?)");
          }
        } catch (Invalid e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          throw new Invalid(
              file + ": line " + lineNumber + ": not a " + type + " line (" + firstLine(e) + ")");
        }
      }
    }
    if (settings == null) {
      throw new Invalid(file + ": no header line: not a refrain JSON Lines report");
    }
    if (stats == null) {
      throw new Invalid(file + ": no stats line at the end: the file was cut off");
    }
    return new Contents(
        schemaVersion, settings, articles, pairs, clusters, templates, problems, stats,
        quoteFamilies);
  }

  /**
   * The passages with the texts of their {@code equal} diff steps put back: the writer leaves
   * them out, since they are the passage's own words (offsets into the article's text).
   */
  private static List<Report.PassageEntry> withTexts(List<Report.PassageEntry> passages) {
    List<Report.PassageEntry> out = new ArrayList<>(passages.size());
    for (Report.PassageEntry x : passages) {
      List<Report.DiffOp> diff = withTexts(x.diff(), x.a(), x.b());
      out.add(
          new Report.PassageEntry(
              x.a(), x.b(), x.similarity(), x.kind(), x.wordsA(), x.wordsB(), x.cluster(), diff,
              x.kinds()));
    }
    return out;
  }

  /** A cluster with its occurrences' {@code equal} diff steps given their texts back. */
  private static Report.ClusterEntry withTexts(Report.ClusterEntry c) {
    Report.Occurrence canonical =
        c.occurrences().stream().filter(Report.Occurrence::canonical).findFirst().orElse(null);
    if (canonical == null) {
      return c;
    }
    Report.Span canon = new Report.Span(canonical.start(), canonical.end(), canonical.text());
    List<Report.Occurrence> out = new ArrayList<>(c.occurrences().size());
    for (Report.Occurrence o : c.occurrences()) {
      Report.Span own = new Report.Span(o.start(), o.end(), o.text());
      List<Report.DiffOp> diff = withTexts(o.diff(), canon, own);
      out.add(
          new Report.Occurrence(
              o.article(), o.start(), o.end(), o.text(), o.canonical(), o.similarity(), diff,
              o.kinds()));
    }
    return new Report.ClusterEntry(c.id(), c.articleCount(), out, c.earliest());
  }

  /** A quote family with its renderings' {@code equal} diff steps given their texts back. */
  private static Report.QuoteFamilyEntry withTexts(Report.QuoteFamilyEntry f) {
    Report.QuoteRenderingEntry canonical =
        f.renderings().stream().filter(Report.QuoteRenderingEntry::canonical).findFirst().orElse(null);
    if (canonical == null) {
      return f;
    }
    Report.Span canon = new Report.Span(canonical.start(), canonical.end(), canonical.text());
    List<Report.QuoteRenderingEntry> out = new ArrayList<>(f.renderings().size());
    for (Report.QuoteRenderingEntry r : f.renderings()) {
      Report.Span own = new Report.Span(r.start(), r.end(), r.text());
      List<Report.DiffOp> diff = withTexts(r.diff(), canon, own);
      out.add(
          new Report.QuoteRenderingEntry(
              r.article(), r.start(), r.end(), r.text(), r.kind(), r.canonical(), r.speaker(),
              r.speakerMention(), r.attribution(), r.similarity(), diff, r.kinds()));
    }
    return new Report.QuoteFamilyEntry(
        f.id(), f.speaker(), f.speakerType(), f.articleCount(), out);
  }

  /** A diff's steps, each {@code equal} one given its texts from the spans {@code a} and {@code b}. */
  private static List<Report.DiffOp> withTexts(
      List<Report.DiffOp> steps, Report.Span a, Report.Span b) {
    List<Report.DiffOp> diff = new ArrayList<>(steps.size());
    for (Report.DiffOp op : steps) {
      diff.add(
          op.aText() != null && op.bText() != null
              ? op
              : new Report.DiffOp(
                  op.op(), op.aStart(), op.aEnd(), op.bStart(), op.bEnd(),
                  within(a, op.aStart(), op.aEnd()), within(b, op.bStart(), op.bEnd())));
    }
    return diff;
  }

  private static String within(Report.Span span, int start, int end) {
    int from = start - span.start();
    int to = end - span.start();
    if (span.text() == null || from < 0 || to > span.text().length() || from > to) {
      return "";
    }
    return span.text().substring(from, to);
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
