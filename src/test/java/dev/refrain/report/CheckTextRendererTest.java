package dev.refrain.report;

import static dev.refrain.report.CheckRenderersTest.render;
import static dev.refrain.report.CheckRenderersTest.sampleReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTextRendererTest {
  private final CheckTextRenderer renderer = new CheckTextRenderer();

  @Test
  void formatAndFileName() {
    assertEquals("text", renderer.format());
    assertEquals("check.txt", renderer.fileName());
  }

  @Test
  void oneBlockPerArticleThenProblemsThenSummary() {
    List<String> lines = render(renderer, sampleReport()).lines().toList();
    assertEquals(
        "FAIL wire/a1 \"Q&A\" <x> (new/a1 \"Q&A\" <x>.txt): 42.4% of words reused (limit 30.0%)",
        lines.get(0));
    assertEquals("  shares 35.1% with archive/x (Reuters & Co)", lines.get(1));
    assertTrue(lines.get(2).startsWith("    line 2: \"Officials said the bridge will reopen"),
        lines.get(2));
    assertTrue(lines.get(2).endsWith("…\" [variant, 0.84, counted]"), lines.get(2));
    assertEquals("    line 3: \"Subscribe to our newsletter for more.\""
        + " [boilerplate, 1.00, boilerplate]", lines.get(3));
    assertEquals("ok   wire/b2 (/srv/feeds/b2 final.txt): 10.0% of words reused (limit 30.0%)",
        lines.get(4));
    assertEquals("  shares 10.0% with archive/y", lines.get(5), "no source, no parentheses");
    assertEquals("skipped new/bad\\u0001<1>.html: not UTF-8 & \"empty\"", lines.get(8));
    assertEquals("2 articles checked, 1 over the limit", lines.get(lines.size() - 1));
    assertEquals(10, lines.size());
  }

  @Test
  void excerptsAreAtMost80Characters() {
    for (String line : render(renderer, sampleReport()).lines().toList()) {
      int open = line.indexOf(": \"");
      int close = line.lastIndexOf("\" [");
      if (line.startsWith("    line ") && open > 0 && close > open) {
        assertTrue(close - open - 3 <= CheckTextRenderer.EXCERPT_CHARS, line);
      }
    }
    assertEquals("abcd…", CheckFormat.excerpt("abcdefgh", 5));
    assertEquals("a b", CheckFormat.excerpt("  a\n\n b \t", 5));
    // A surrogate pair is not split.
    assertEquals("abc…", CheckFormat.excerpt("abc\uD83D\uDE00def", 5));
  }

  @Test
  void controlCharactersCannotReachTheTerminal() {
    String text = render(renderer, sampleReport());
    assertFalse(text.contains("\u001b"), "escape sequence");
    assertFalse(text.contains("\u0007"), "bell");
    assertFalse(text.contains("\u0001"));
    assertTrue(text.contains("\"Markets rose \\u001b[31mtoday\\u0007 as \"traders\" cheered.\""
        + " [variant, 0.90, allowed]"), text);
  }
}
