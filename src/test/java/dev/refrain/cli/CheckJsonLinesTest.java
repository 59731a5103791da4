package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --format jsonl}: one JSON record a line, a line per checked article. */
class CheckJsonLinesTest {
  @TempDir Path tmp;

  @Test
  void printsAHeaderALinePerArticleAndASummary() throws IOException {
    Path index = tmp.resolve("index");
    assertEquals(0, MainTest.run("index", "add", CheckCommandTest.S000, CheckCommandTest.S003,
        "--index", index.toString()).code());
    MainTest.Run r = MainTest.run("check", CheckCommandTest.S001, CheckCommandTest.S004,
        "--index", index.toString(), "--format", "jsonl", "--max-containment", "0.1");
    assertEquals(1, r.code(), r.err());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      lines.add(json.readTree(line));
    }
    assertEquals(
        List.of("header", "article", "article", "summary"),
        lines.stream().map(l -> l.get("type").asText()).toList(), r.out());
    assertEquals("refrain", lines.get(0).get("tool").asText());
    assertEquals(0.1, lines.get(0).at("/settings/maxContainment").asDouble());
    assertEquals("001_3bf4201df3802dec", lines.get(1).get("id").asText());
    assertEquals("004_e532a696cc3e8e02", lines.get(2).get("id").asText());
    assertTrue(lines.get(2).get("exceeded").asBoolean(), r.out());
    assertTrue(lines.get(2).at("/matches/0/passages/0/diff").isArray(), r.out());
    assertEquals(2, lines.get(3).get("articles").asInt());
    assertEquals(
        lines.stream().filter(l -> l.get("type").asText().equals("article") && l.get("exceeded").asBoolean()).count(),
        lines.get(3).get("exceeded").asLong());
    // Each article line holds what check.json holds for that article.
    Path out = tmp.resolve("out");
    MainTest.run("check", CheckCommandTest.S001, CheckCommandTest.S004, "--index",
        index.toString(), "--format", "json,jsonl", "--max-containment", "0.1", "--out",
        out.toString());
    JsonNode whole = json.readTree(out.resolve("check.json").toFile());
    List<String> written = Files.readAllLines(out.resolve("check.jsonl"));
    for (int i = 0; i < 2; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode line =
          (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(written.get(i + 1));
      line.remove("type");
      assertEquals(whole.get("articles").get(i), line);
    }
  }
}
