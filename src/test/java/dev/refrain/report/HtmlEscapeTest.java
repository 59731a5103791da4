package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlEscapeTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals(
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;",
        HtmlEscape.text("<a href=\"x\" onclick='y'>&"));
  }

  @Test
  void replacesCharactersAPageMayNotHoldOneForOne() {
    assertEquals(
        "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe", HtmlEscape.text("a\u0000b\u0007c\u0085d\uFFFFe"));
    assertEquals("\uFFFD\uFFFD", HtmlEscape.text("\uFDD0\uFFFE"));
    assertEquals("x\uFFFDy\uFFFD", HtmlEscape.text("x\uD800y\uDC00"));
    assertEquals("\uFFFD", HtmlEscape.text(new String(Character.toChars(0x1FFFF))));
  }

  @Test
  void keepsTextWhitespaceAndCharactersOutsideTheBasicPlane() {
    String emoji = new String(Character.toChars(0x1F4F0));
    assertEquals(
        "tab\there\nform\ffeed " + emoji + " \u00E9\u4E2D",
        HtmlEscape.text("tab\there\r\nform\ffeed " + emoji + " \u00E9\u4E2D"));
  }
}
