package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids, titles and paths holding ESC, BEL, CR and bidi controls, through the command line: the
 * stdout table, check's text, stderr's messages and report.md show them escaped ({@code
 * \\u001b}), never raw; the JSON keeps them as they are (JSON escapes them itself).
 */
class ControlCharacterTest {
  @TempDir Path tmp;

  static final String SHARED =
      "The minister told reporters on Monday that the agreement would be signed in the capital"
          + " before the end of the month, after weeks of talks between the two delegations.";

  /** An id that clears the screen, rings the bell, returns the carriage and reverses the line. */
  static final String HOSTILE_ID = "evil\u001b[2J\u0007\rfake\u202egnp.exe\u2066x";

  Path input() throws Exception {
    StringBuilder b = new StringBuilder();
    b.append(JsonNodeFactory.instance.objectNode().put("id", HOSTILE_ID)
        .put("title", "t\u001b]0;owned\u0007").put("text", "Opening words of one. " + SHARED)).append('\n');
    b.append(JsonNodeFactory.instance.objectNode().put("id", "plain")
        .put("text", "Other opening words here. " + SHARED)).append('\n');
    return Files.writeString(tmp.resolve("in.jsonl"), b);
  }

  /** Whether {@code s} holds a character that acts on a terminal or reorders text. */
  static boolean raw(String s) {
    String withoutLineEnds = s.replace("\r\n", "\n");
    for (char c : withoutLineEnds.toCharArray()) {
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
          || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        return true;
      }
    }
    return false;
  }

  static final String SHOWN = "evil\\u001b[2J\\u0007\\u000dfake\\u202egnp.exe\\u2066x";

  @Test
  void scanShowsControlCharactersOfIdsEscapedOnStdoutAndInTheMarkdown() throws Exception {
    Path out = tmp.resolve("out");
    MainTest.Run r = MainTest.run("scan", input().toString(), "--out", out.toString(), "--format", "json,md");
    assertEquals(0, r.code(), r.err());
    assertFalse(raw(r.out()), r.out());
    assertTrue(r.out().contains("evil\\u001b[2J\\u0007\\u000dfake\\u202egnp.…"), r.out());
    String md = Files.readString(out.resolve("report.md"));
    assertFalse(raw(md), md);
    // (A carriage return is whitespace, made a space in a Markdown line.)
    assertTrue(md.contains("evil\\u001b\\[2J\\u0007 fake\\u202egnp.exe\\u2066x"), md);
    // The JSON holds the id as it is: a JSON string escapes control characters itself.
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertEquals(HOSTILE_ID, json.at("/pairs/0/a").asText().equals("plain")
        ? json.at("/pairs/0/b").asText() : json.at("/pairs/0/a").asText());
  }

  @Test
  void stderrShowsControlCharactersOfPathsEscaped() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(dir.resolve("ok.txt"), SHARED);
    Files.writeString(dir.resolve("bad\u001b[31m\u0007\u202e.pdf"), "%PDF-1.4");
    MainTest.Run r = MainTest.run("scan", dir.toString(), "--out", tmp.resolve("out").toString(), "--format", "json");
    assertEquals(4, r.code(), r.err());
    assertFalse(raw(r.err()), r.err());
    assertTrue(r.err().contains("bad\\u001b[31m\\u0007\\u202e.pdf: skipped"), r.err());
    MainTest.Run check = MainTest.run("check", dir.toString(), "--index", tmp.resolve("none").toString());
    assertEquals(3, check.code());
    assertFalse(raw(check.err()), check.err());
  }

  @Test
  void checkAndIndexShowControlCharactersEscaped() throws Exception {
    Path index = tmp.resolve("index");
    Path in = input();
    assertEquals(0, MainTest.run("index", "add", in.toString(), "--index", index.toString()).code());
    MainTest.Run again = MainTest.run("index", "add", in.toString(), "--index", index.toString(), "--verbose");
    assertEquals(0, again.code(), again.err());
    assertFalse(raw(again.out()), again.out());
    assertTrue(again.out().contains("replaced " + SHOWN), again.out());
    Path fresh = Files.writeString(tmp.resolve("fresh.txt"), "New words to start with. " + SHARED);
    for (String format : new String[] {"text", "markdown"}) {
      MainTest.Run check = MainTest.run("check", fresh.toString(), "--index", index.toString(), "--format", format);
      assertEquals(1, check.code(), check.err());
      assertFalse(raw(check.out()), check.out());
      assertTrue(check.out().contains("\\u001b"), check.out());
    }
    MainTest.Run remove = MainTest.run("index", "remove", "gone\u001b[2J", "--index", index.toString());
    assertFalse(raw(remove.err()), remove.err());
    assertTrue(remove.err().contains("gone\\u001b[2J"), remove.err());
  }
}
