package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every report format carries the quote families, the speaker and each rendering's diff. */
class QuoteFamilyRenderingTest {
  static final String A = "“We will <watch> you,” said Vivian Balakrishnan.";
  static final String B = "“We will be watching you,” he said.";

  static Report report() {
    Report.QuoteRenderingEntry canonical =
        new Report.QuoteRenderingEntry(
            "a", 1, 18, A.substring(1, 18), "marked", true, "Vivian Balakrishnan",
            "Vivian Balakrishnan", "speaker", 1.0, List.of(), List.of("verbatim"));
    Report.QuoteRenderingEntry other =
        new Report.QuoteRenderingEntry(
            "b", 1, 24, B.substring(1, 24), "marked", false, "Singaporean counterpart", "he",
            "unnamed", 0.8,
            List.of(
                new Report.DiffOp("equal", 1, 8, 1, 8, "We will", "We will"),
                new Report.DiffOp("replace", 9, 16, 9, 20, A.substring(9, 16), B.substring(9, 20)),
                new Report.DiffOp("equal", 18, 21, 21, 24, "you", "you")),
            List.of("reworded"));
    Report.QuoteFamilyEntry family =
        new Report.QuoteFamilyEntry("Q1", "Vivian Balakrishnan", "person", 2, List.of(canonical, other));
    return new Report(
        Report.SCHEMA_VERSION, null, List.of(), List.of(), List.of(), List.of(), List.of(),
        new Report.Stats(2, 0, 0, 0, 0, 0, 0, 0, 0),
        Map.of("a", A, "b", B), List.of(family));
  }

  @Test
  void jsonCarriesEachFamilyWithItsRenderings() throws IOException {
    StringWriter out = new StringWriter();
    new JsonReportRenderer().render(report(), out);
    JsonNode f = JsonOutput.MAPPER.readTree(out.toString()).get("quoteFamilies").get(0);
    assertEquals("Q1", f.get("id").asText());
    assertEquals("Vivian Balakrishnan", f.get("speaker").asText());
    assertEquals("unnamed", f.get("renderings").get(1).get("attribution").asText());
    assertEquals("he", f.get("renderings").get(1).get("speakerMention").asText());
    assertEquals("be watching", f.get("renderings").get(1).get("diff").get(1).get("bText").asText());
  }

  @Test
  void jsonLinesHasAQuoteFamilyLine() throws IOException {
    StringWriter out = new StringWriter();
    new JsonLinesReportRenderer().render(report(), out);
    assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("{\"type\":\"quoteFamily\",\"id\":\"Q1\"")), out.toString());
  }

  @Test
  void markdownShowsTheSpeakerAndTheDiff() {
    String md = new MarkdownReportRenderer().toMarkdown(report());
    assertTrue(md.contains("### Q1 · Vivian Balakrishnan · 2 articles"), md);
    assertTrue(md.contains("~~\\<watch\\>~~ **be watching**") || md.contains("~~<watch>~~ **be watching**"), md);
    assertTrue(md.contains("speaker not named: Singaporean counterpart (“he”)"), md);
  }

  @Test
  void htmlShowsTheFamilyEscaped() throws IOException {
    StringWriter out = new StringWriter();
    new HtmlReportRenderer().render(report(), out);
    String html = out.toString();
    assertTrue(html.contains("<section id=\"quotes\">"), html);
    assertTrue(html.contains("&lt;watch&gt;"), html);
    assertTrue(html.contains("<ins>be watching</ins>"), html);
    assertTrue(!html.contains("<watch>"), html);
  }
}
