package dev.refrain.report;

import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.SharedPassage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.document.Article;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Any article text, title and source scans without an exception into passages inside the
 * articles, and renders into reports that stay inert: the HTML holds only the renderer's own
 * elements, its one script, no event-handler attribute and no link off the page; the JSON parses.
 * {@code mvn verify} replays the inputs in {@code ReportFuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class ReportFuzzTest {

  /** Every element the HTML renderer writes (HtmlReportRenderer, HtmlSideText). */
  private static final Set<String> ELEMENTS =
      Set.of(
          "html", "head", "meta", "title", "style", "script", "body", "header", "nav", "main",
          "section", "h1", "h2", "h3", "p", "a", "b", "span", "div", "table", "thead", "tbody",
          "tr", "th", "td", "ins", "del", "ul", "li", "details", "summary", "code", "mark", "sup",
          "bdi", "meter");

  private static final Scanner SCANNER = new Scanner(DetectorOptions.defaults().withThreads(1));

  @FuzzTest(maxDuration = "60s")
  void anyTextScansAndRendersInertReports(FuzzedDataProvider data) throws IOException {
    String shared = data.consumeString(1200);
    String one = data.consumeString(600);
    String two = data.consumeString(600);
    String title = data.consumeString(80);
    String source = data.consumeRemainingAsString();
    List<Article> articles =
        List.of(
            new Article("a", "a.txt", one + " " + shared, source, title, null),
            new Article("b", "b.txt", shared + " " + two, title, source, title),
            new Article("c", "<c>.txt", two + one + shared, null, null, null));
    ScanResult result = SCANNER.scan(articles, ProgressListener.NONE);
    for (ArticlePair p : result.pairs()) {
      String a = result.articles().get(p.a()).text();
      String b = result.articles().get(p.b()).text();
      for (SharedPassage s : p.passages()) {
        var q = s.passage();
        assertTrue(0 <= q.aStart() && q.aStart() < q.aEnd() && q.aEnd() <= a.length(), q::toString);
        assertTrue(0 <= q.bStart() && q.bStart() < q.bEnd() && q.bEnd() <= b.length(), q::toString);
      }
    }
    Report report = ReportMapper.toReport(result, List.of());

    Document html = Jsoup.parse(render(new HtmlReportRenderer(), report));
    int scripts = 0;
    for (Element e : html.getAllElements()) {
      if (e.tagName().equals("#root")) {
        continue;
      }
      assertTrue(ELEMENTS.contains(e.tagName()), "element <" + e.tagName() + "> from the input");
      for (Attribute attribute : e.attributes()) {
        assertFalse(attribute.getKey().startsWith("on"), "event handler " + attribute);
        assertFalse(attribute.getKey().equals("style"), "a style attribute the CSP would block");
        if (attribute.getKey().equals("href")) {
          assertTrue(attribute.getValue().startsWith("#"), "link off the page: " + attribute);
        }
      }
      if (e.tagName().equals("script")) {
        scripts++;
        assertEquals(HtmlStyle.SCRIPT.strip(), e.data().strip());
      }
    }
    assertEquals(1, scripts);

    new ObjectMapper().readTree(render(new JsonReportRenderer(), report));
    render(new MarkdownReportRenderer(), report);
    render(new TextReportRenderer(0), report);
  }

  private static String render(ReportRenderer renderer, Report report) throws IOException {
    StringWriter out = new StringWriter();
    renderer.render(report, out);
    return out.toString();
  }
}
