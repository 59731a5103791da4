package dev.refrain.report;

import static dev.refrain.report.CheckRenderersTest.render;
import static dev.refrain.report.CheckRenderersTest.sampleReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckJsonRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final CheckJsonRenderer renderer = new CheckJsonRenderer();

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void formatAndFileName() {
    assertEquals("json", renderer.format());
    assertEquals("check.json", renderer.fileName());
  }

  @Test
  void topLevelFieldsInModelOrder() throws Exception {
    JsonNode root = MAPPER.readTree(render(renderer, sampleReport()));
    assertEquals(List.of("schemaVersion", "tool", "settings", "articles", "problems", "summary"),
        fields(root));
    assertEquals(3, root.get("schemaVersion").asInt());
    assertEquals("refrain", root.get("tool").asText());
    assertEquals(List.of("maxContainment", "minPassageWords", "index", "indexArticles",
        "allowedSources", "baseline", "sameId"), fields(root.get("settings")));
    assertEquals(0.3, root.at("/settings/maxContainment").asDouble());
    assertEquals("afp | wire", root.at("/settings/allowedSources/1").asText());
    assertEquals(2, root.at("/summary/articles").asInt());
    assertEquals(1, root.at("/summary/exceeded").asInt());
    assertEquals("new/bad\u0001<1>.html", root.at("/problems/0/path").asText());
    assertEquals("skipped", root.at("/problems/0/kind").asText());
  }

  @Test
  void articlesMatchesAndPassagesKeepTheContractShape() throws Exception {
    JsonNode root = MAPPER.readTree(render(renderer, sampleReport()));
    JsonNode a = root.at("/articles/0");
    assertEquals(List.of("id", "path", "chars", "words", "templateWords", "repetitiveWords", "containment", "exceeded", "failedOn", "failed", "follows", "matches", "quoteFamilies"),
        fields(a));
    assertEquals(CheckRenderersTest.A1_ID, a.get("id").asText());
    assertTrue(a.get("exceeded").asBoolean());
    JsonNode m = a.at("/matches/0");
    assertEquals(List.of("archivedId", "archivedPath", "archivedSource", "containment",
        "containmentArchived", "sameId", "passages"), fields(m));
    JsonNode p = m.at("/passages/0");
    assertEquals(List.of("article", "archived", "location", "similarity", "kind", "status",
        "words", "kinds", "diff"), fields(p));
    assertEquals(List.of("start", "end", "text"), fields(p.get("article")));
    assertEquals(List.of("start", "end", "text"), fields(p.get("archived")));
    assertEquals(List.of("startLine", "startColumn", "endLine", "endColumn"),
        fields(p.get("location")));
    assertEquals(2, p.at("/location/startLine").asInt());
    int start = p.at("/article/start").asInt();
    int end = p.at("/article/end").asInt();
    assertEquals(CheckRenderersTest.ARTICLE_A1.substring(start, end), p.at("/article/text").asText());
    assertTrue(p.at("/article/text").asText().contains("<script>alert(1)</script>"));
    assertEquals("counted", p.get("status").asText());
    assertEquals(9, p.get("diff").size());
    assertEquals(List.of("op", "aStart", "aEnd", "bStart", "bEnd", "aText", "bText"),
        fields(p.at("/diff/0")));
    assertEquals("replace", p.at("/diff/3/op").asText());
    assertEquals("boilerplate", m.at("/passages/1/status").asText());
    // Unknown optional strings are left out.
    assertFalse(root.at("/articles/1/matches/0").has("archivedSource"));
  }

  @Test
  void prettyPrintedWithTwoSpaces() {
    String json = render(renderer, sampleReport());
    assertTrue(json.startsWith("{\n  \"schemaVersion\" : 3,\n  \"tool\" : \"refrain\",\n"), json);
    assertTrue(json.contains("\n      \"id\" : "), "articles indented by two spaces a level");
  }
}
