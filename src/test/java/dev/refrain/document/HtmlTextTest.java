package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void dropsScriptsAndStylesButKeepsEscapedMarkupAsText() {
    HtmlText h =
        HtmlText.parse(
            "<html><head><style>p { color: red }</style><script>var x = 1;</script></head>"
                + "<body><script>alert('no')</script><noscript>Enable JS</noscript>"
                + "<template><p>hidden</p></template>"
                + "<p>Write &lt;script&gt; tags &amp; more.</p></body></html>");

    assertEquals("Write <script> tags & more.", h.text());
  }

  @Test
  void separatesParagraphsByBlankLineAndBlocksByNewline() {
    HtmlText h =
        HtmlText.parse(
            "<body><h1>Head line</h1><p>First   para\n  graph.</p><p>Second<br>line two</p>"
                + "<div>A div</div><div>Another div</div><ul><li>one</li><li>two</li></ul>"
                + "<p>Last.</p></body>");

    assertEquals(
        "Head line\n\nFirst para graph.\n\nSecond\nline two\n\nA div\nAnother div\n\n"
            + "one\ntwo\n\nLast.",
        h.text());
  }

  @Test
  void joinsInlineElementsWithoutAddingSpaces() {
    HtmlText h = HtmlText.parse("<p>Tran<b>script</b> of <i>the</i>\n<a href=x>talk</a>.</p>");

    assertEquals("Transcript of the talk.", h.text());
  }

  @Test
  void takesTitleFromHeadWithoutPuttingItIntoText() {
    HtmlText h =
        HtmlText.parse(
            "<html><head><title>  Blinken   lands in Beijing </title></head>"
                + "<body><p>Body text.</p></body></html>");

    assertEquals("Blinken lands in Beijing", h.title());
    assertEquals("Body text.", h.text());
  }

  @Test
  void readsSiteNameAndPublishedTimeFromMetaProperties() {
    HtmlText h =
        HtmlText.parse(
            "<html><head><meta property=\"og:site_name\" content=\"Daily News\">"
                + "<meta property=\"og:title\" content=\"OG title\">"
                + "<meta property=\"article:published_time\" content=\"2023-06-18T09:00:00Z\">"
                + "</head><body><p>x</p></body></html>");

    assertEquals("Daily News", h.siteName());
    assertEquals("2023-06-18T09:00:00Z", h.publishedTime());
    assertEquals("OG title", h.title());
  }

  @Test
  void leavesMissingMetadataNull() {
    HtmlText h = HtmlText.parse("<p>Only text</p>");

    assertNull(h.title());
    assertNull(h.siteName());
    assertNull(h.publishedTime());
    assertEquals("Only text", h.text());
  }

  @Test
  void keepsWhiteSpaceInsidePre() {
    HtmlText h = HtmlText.parse("<p>Code:</p><pre>a  =  1\n  b = 2</pre><p>After</p>");

    assertEquals("Code:\n\na  =  1\n  b = 2\n\nAfter", h.text());
  }

  @Test
  void separatesTableCellsAndRows() {
    HtmlText h =
        HtmlText.parse("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");

    assertEquals("a b\nc d", h.text());
  }

  @Test
  void givesEmptyTextForPageWithoutBodyText() {
    HtmlText h = HtmlText.parse("<html><head><title>T</title></head><body> <script>x</script>");

    assertEquals("", h.text());
    assertEquals("T", h.title());
  }
}
