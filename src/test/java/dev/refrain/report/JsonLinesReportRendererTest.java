package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoadResult;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.scan.Scanner;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReportRendererTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Report seedsReport() {
    LoadResult loaded = new ArticleLoader().load(List.of("seeds"));
    return ReportMapper.toReport(
        new Scanner(DetectorOptions.defaults()).scan(loaded.articles(), ProgressListener.NONE),
        loaded.problems());
  }

  static String render(ReportRenderer r, Report report) throws IOException {
    StringWriter out = new StringWriter();
    r.render(report, out);
    return out.toString();
  }

  @Test
  void everyLineParsesOnItsOwnAndTheLinesHoldWhatReportJsonHolds() throws IOException {
    Report report = seedsReport();
    String jsonl = render(new JsonLinesReportRenderer(), report);
    assertTrue(jsonl.endsWith("\n"));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : jsonl.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    JsonNode whole = JSON.readTree(render(new JsonReportRenderer(), report));
    List<String> types = lines.stream().map(n -> n.get("type").asText()).toList();
    assertEquals("header", types.get(0));
    assertEquals("stats", types.get(types.size() - 1));
    assertEquals(whole.get("settings"), lines.get(0).get("settings"));
    assertEquals(whole.get("schemaVersion"), lines.get(0).get("schemaVersion"));
    for (String[] kind :
        new String[][] {
          {"article", "articles"}, {"pair", "pairs"}, {"cluster", "clusters"},
          {"template", "templates"}, {"problem", "problems"}
        }) {
      List<JsonNode> entries = new ArrayList<>();
      for (JsonNode n : lines) {
        if (n.get("type").asText().equals(kind[0])) {
          JsonNode entry = n.deepCopy();
          ((com.fasterxml.jackson.databind.node.ObjectNode) entry).remove("type");
          entries.add(entry);
        }
      }
      List<JsonNode> expected = new ArrayList<>();
      whole.get(kind[1]).forEach(expected::add);
      assertEquals(expected, entries, kind[0] + " lines are the report's " + kind[1]);
    }
    JsonNode stats = lines.get(lines.size() - 1).deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) stats).remove("type");
    assertEquals(whole.get("stats"), stats);
    // Sections come in order: articles, pairs, clusters, templates.
    assertTrue(types.lastIndexOf("article") < types.indexOf("pair"));
    assertTrue(types.lastIndexOf("pair") < types.indexOf("cluster"));
    assertTrue(types.lastIndexOf("cluster") < types.indexOf("template"));
  }

  @Test
  void theSameReportGivesTheSameLines() throws IOException {
    Report report = seedsReport();
    assertEquals(
        render(new JsonLinesReportRenderer(), report), render(new JsonLinesReportRenderer(), report));
  }
}
