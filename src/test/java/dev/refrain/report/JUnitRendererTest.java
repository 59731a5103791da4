package dev.refrain.report;

import static dev.refrain.report.CheckRenderersTest.render;
import static dev.refrain.report.CheckRenderersTest.sampleReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitRendererTest {
  private final JUnitRenderer renderer = new JUnitRenderer();

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void formatAndFileName() {
    assertEquals("junit", renderer.format());
    assertEquals("check.xml", renderer.fileName());
  }

  @Test
  void oneTestcasePerArticleAndAFailurePerExceededOne() throws Exception {
    Document doc = parse(render(renderer, sampleReport()));
    Element suites = doc.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals("2", suites.getAttribute("tests"));
    assertEquals("1", suites.getAttribute("failures"));
    NodeList suiteList = suites.getElementsByTagName("testsuite");
    assertEquals(1, suiteList.getLength());
    Element suite = (Element) suiteList.item(0);
    assertEquals("refrain check", suite.getAttribute("name"));
    assertEquals("2", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));

    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(2, cases.getLength());
    Element failing = (Element) cases.item(0);
    assertEquals("refrain.check", failing.getAttribute("classname"));
    assertEquals(CheckRenderersTest.A1_ID, failing.getAttribute("name"), "escaped and read back");
    assertEquals(CheckRenderersTest.A1_PATH, failing.getAttribute("file"));
    NodeList failures = failing.getElementsByTagName("failure");
    assertEquals(1, failures.getLength());
    Element failure = (Element) failures.item(0);
    assertEquals("42.4% reused (limit 30.0%)", failure.getAttribute("message"));
    assertEquals("ReuseLimitExceeded", failure.getAttribute("type"));
    String details = failure.getTextContent();
    assertTrue(details.contains("shares 35.1% with archive/x (Reuters & Co)"), details);
    assertTrue(details.contains("<script>alert(1)"), "script tag kept as text: " + details);
    assertTrue(details.contains("[boilerplate, 1.00, boilerplate]"), details);

    Element passing = (Element) cases.item(1);
    assertEquals("wire/b2", passing.getAttribute("name"));
    assertEquals(0, passing.getElementsByTagName("failure").getLength());
    String out = passing.getElementsByTagName("system-out").item(0).getTextContent();
    assertTrue(out.startsWith("ok   wire/b2 (/srv/feeds/b2 final.txt): 10.0% of words reused"), out);

    String err = suite.getElementsByTagName("system-err").item(0).getTextContent();
    assertEquals("skipped new/bad<1>.html: not UTF-8 & \"empty\"\n", err, "control char stripped");
    assertEquals("0.30", property(suite, "maxContainment"));
    assertEquals("ap, afp | wire", property(suite, "allowedSources"));
  }

  private static String property(Element suite, String name) {
    NodeList props = suite.getElementsByTagName("property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      if (p.getAttribute("name").equals(name)) {
        return p.getAttribute("value");
      }
    }
    return null;
  }

  @Test
  void markupAndQuotesAreEscaped() {
    String xml = render(renderer, sampleReport());
    assertFalse(xml.contains("<script>"), "raw script tag");
    assertTrue(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(xml.contains("name=\"wire/a1 &quot;Q&amp;A&quot; &lt;x&gt;\""), xml);
    assertFalse(xml.contains("\u0001") || xml.contains("\u001b") || xml.contains("\u0007"));
  }

  @Test
  void charactersIllegalInXmlAreStripped() throws Exception {
    assertEquals("ab", JUnitRenderer.xmlLegal("a\u0000\u0001\u000b\u000c\u001fb"));
    assertEquals("a\tb\nc", JUnitRenderer.xmlLegal("a\tb\nc"));
    assertEquals("x\uD83D\uDE00y", JUnitRenderer.xmlLegal("x\uD83D\uDE00y"), "pair kept");
    assertEquals("xy", JUnitRenderer.xmlLegal("x\uD83Dy\uDE00\uFFFE\uFFFF"), "lone halves dropped");
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; d", JUnitRenderer.attr("a <b>\n& \"c\"\u0002 d"));
    // Whatever the id holds, the document parses and reads back without the illegal characters.
    CheckReport r = sampleReport();
    CheckReport.ArticleResult a = r.articles().get(1);
    CheckReport.ArticleResult nasty =
        new CheckReport.ArticleResult("x\u0000<&>\"'\u001b]]>", a.path(), a.chars(), a.words(), 0,
            a.containment(), a.exceeded(), a.matches());
    CheckReport report =
        new CheckReport(r.schemaVersion(), r.settings(), java.util.List.of(nasty), r.problems());
    Document doc = parse(render(renderer, report));
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertEquals("x<&>\"']]>", testcase.getAttribute("name"));
  }
}
