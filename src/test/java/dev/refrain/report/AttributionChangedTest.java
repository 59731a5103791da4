package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same quote attributed to two people: {@code attribution-changed} in every format. */
public class AttributionChangedTest {
  static final String QUOTE =
      "\u201cWe are not going to Beijing with the intention of making breakthroughs or"
          + " transformations there,\u201d";

  public static final String A =
      "The envoy flew out on Friday. " + QUOTE
          + " Assistant Secretary of State Daniel Kritenbrink told reporters. The talks start"
          + " on Sunday and last two days.";

  public static final String B =
      "Markets were calm before the visit. " + QUOTE
          + " Secretary of State Antony Blinken said before leaving. Officials expect little from"
          + " the meeting.";

  public static final String C =
      "A third outlet ran the story. " + QUOTE
          + " Daniel Kritenbrink said in Washington. The weather was mild.";

  static Report scan(String... texts) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      articles.add(Article.of("art" + i, texts[i]));
    }
    return ReportMapper.toReport(
        new Scanner(DetectorOptions.defaults().withThreads(1)).scan(articles, ProgressListener.NONE),
        List.of());
  }

  @Test
  void aRenderingNamingAnotherSpeakerIsAttributionChanged() throws IOException {
    Report report = scan(A, B, C);
    assertEquals(1, report.quoteFamilies().size(), report.quoteFamilies().toString());
    Report.QuoteFamilyEntry f = report.quoteFamilies().get(0);
    assertEquals("Daniel Kritenbrink", f.speaker());
    List<String> changed = new ArrayList<>();
    for (Report.QuoteRenderingEntry r : f.renderings()) {
      if (r.kinds().contains("attribution-changed")) {
        changed.add(r.article());
        assertEquals("other", r.attribution());
      } else {
        assertEquals("speaker", r.attribution(), r.toString());
      }
    }
    assertEquals(List.of("art1"), changed, "only Blinken's rendering names another speaker");

    JsonNode json = new ObjectMapper().readTree(render(new JsonReportRenderer(), report));
    boolean inJson = false;
    for (JsonNode r : json.at("/quoteFamilies/0/renderings")) {
      inJson |= r.get("kinds").toString().contains("attribution-changed");
      assertTrue(r.get("kinds").isArray() && r.get("kinds").size() > 0, r.toString());
    }
    assertTrue(inJson, json.toString());
    assertTrue(render(new MarkdownReportRenderer(), report).contains("attribution-changed"));
    assertTrue(
        render(new HtmlReportRenderer(), report)
            .contains("<span class=\"badge k-attribution-changed\">attribution-changed</span>"));
  }

  @Test
  void oneSpeakerThroughoutChangesNoAttribution() {
    Report report = scan(A, C);
    assertEquals(1, report.quoteFamilies().size());
    for (Report.QuoteRenderingEntry r : report.quoteFamilies().get(0).renderings()) {
      assertFalse(r.kinds().contains("attribution-changed"), r.toString());
      assertTrue(r.kinds().contains("verbatim"), r.toString());
    }
  }

  private static String render(ReportRenderer renderer, Report report) throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(report, out);
    return out.toString();
  }
}
