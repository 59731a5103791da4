package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HtmlTextPublishedTest {

  @Test
  void theMetaPropertyComesFirst() {
    HtmlText h =
        HtmlText.parse(
            "<html><head><meta property=\"article:published_time\" content=\"2023-06-17T08:00:00Z\">"
                + "<script type=\"application/ld+json\">{\"datePublished\": \"2023-06-18\"}</script>"
                + "</head><body><p>Text</p></body></html>");
    assertEquals("2023-06-17T08:00:00Z", h.publishedTime());
  }

  @Test
  void jsonLdDatePublishedIsReadWithoutTheMeta() {
    HtmlText h =
        HtmlText.parse(
            "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
                + " \"datePublished\" : \"2023-06-18T10:00:00+02:00\"}</script></head>"
                + "<body><p>Text</p></body></html>");
    assertEquals("2023-06-18T10:00:00+02:00", h.publishedTime());
    assertEquals("Text", h.text().strip(), "the script is no text");
  }

  @Test
  void aPageWithNeitherHasNoDate() {
    assertNull(HtmlText.parse("<p>Text \"datePublished\": \"2023-06-18\"</p>").publishedTime());
  }
}
