package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.bench.report.RefrainReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefrainReportTest {
  @TempDir Path tmp;

  static final String PASSAGE_SHARED =
      "{\"a\":{\"start\":0,\"end\":40,\"text\":\"x\"},\"b\":{\"start\":3,\"end\":43,\"text\":\"x\"},\"similarity\":0.9,"
          + "\"boilerplate\":false,\"kind\":\"variant\",\"diff\":[{\"op\":\"equal\",\"aText\":\"x\",\"bText\":\"x\"}]}";
  static final String PASSAGE_FOOTER =
      "{\"a\":{\"start\":50,\"end\":90,\"text\":\"Leave a reply\"},\"b\":{\"start\":60,\"end\":100,\"text\":\"Leave a reply\"},"
          + "\"similarity\":1.0,\"boilerplate\":true,\"kind\":\"boilerplate\"}";

  @Test
  void readsReportJson() throws Exception {
    String json = "{\"schemaVersion\":1,\"tool\":\"refrain\",\"settings\":{\"shingleSize\":5,\"bands\":8},"
        + "\"articles\":[{\"id\":\"g1\",\"path\":\"a.jsonl#1\",\"chars\":120},{\"id\":\"g2\",\"path\":\"a.jsonl#2\",\"chars\":130},"
        + "{\"id\":\"g3\",\"path\":\"a.jsonl#3\",\"chars\":99}],"
        + "\"pairs\":[{\"a\":\"g1\",\"b\":\"g2\",\"containmentA\":0.3,\"containmentB\":0.25,\"jaccard\":0.1,\"longestPassageWords\":9,"
        + "\"passages\":[" + PASSAGE_SHARED + "," + PASSAGE_FOOTER + "]},"
        + "{\"a\":\"g2\",\"b\":\"g3\",\"containmentA\":0,\"containmentB\":0,\"passages\":[" + PASSAGE_FOOTER + "]},"
        + "{\"a\":\"g3\",\"b\":\"g3\",\"containmentA\":0.1,\"containmentB\":0.1,\"passages\":[" + PASSAGE_SHARED + "]}],"
        + "\"clusters\":[{\"id\":\"C1\",\"occurrences\":[{\"article\":\"g1\"}]}],\"problems\":[],"
        + "\"stats\":{\"articles\":3,\"candidatePairs\":17,\"pairs\":3,\"passages\":4,\"clusters\":1,\"skipped\":0}}";
    Files.writeString(tmp.resolve("report.json"), json);
    List<RefrainReport.Pair> pairs = new ArrayList<>();
    RefrainReport.Summary s = RefrainReport.read(tmp, pairs::add);
    assertEquals("json", s.format());
    assertEquals(3, s.articles());
    assertEquals(3, s.pairs());
    assertEquals(17.0, s.stat("candidatePairs"));
    assertEquals(3.0, s.stat("pairs"));
    assertEquals(new RefrainReport.Pair("g1", "g2", 0.3, 0.25, 2, 1), pairs.get(0));
    assertTrue(pairs.get(0).counted());
    assertFalse(pairs.get(1).counted(), "only boilerplate shared");
    assertFalse(pairs.get(2).counted(), "a passage repeated inside one article");
  }

  @Test
  void readsReportJsonlAndPrefersIt() throws Exception {
    Files.writeString(tmp.resolve("report.json"), "{\"pairs\":[]}");
    String jsonl = String.join("\n",
        "{\"type\":\"header\",\"schemaVersion\":2,\"tool\":\"refrain\"}",
        "{\"type\":\"article\",\"id\":\"g1\",\"path\":\"a#1\",\"chars\":10}",
        "{\"type\":\"article\",\"id\":\"g2\",\"path\":\"a#2\",\"chars\":10}",
        "{\"a\":\"g1\",\"b\":\"g2\",\"containmentA\":0.5,\"containmentB\":0.4,\"passages\":[" + PASSAGE_SHARED + "],\"type\":\"pair\"}",
        "{\"type\":\"pair\",\"a\":\"g2\",\"b\":\"g9\",\"containmentA\":0,\"containmentB\":0,\"passages\":[" + PASSAGE_FOOTER + "]}",
        "{\"type\":\"cluster\",\"id\":\"C1\",\"occurrences\":[{\"article\":\"g1\",\"start\":0}]}",
        "{\"type\":\"template\",\"text\":\"Leave a reply\",\"articles\":40}",
        "{\"type\":\"future-kind\",\"whatever\":[1,2,{\"x\":null}]}",
        "{\"type\":\"stats\",\"articles\":2,\"candidatePairs\":5,\"pairs\":2}") + "\n";
    Files.writeString(tmp.resolve("report.jsonl"), jsonl);
    List<RefrainReport.Pair> pairs = new ArrayList<>();
    RefrainReport.Summary s = RefrainReport.read(tmp, pairs::add);
    assertEquals("jsonl", s.format());
    assertEquals(2, s.articles());
    assertEquals(2, pairs.size());
    assertEquals(new RefrainReport.Pair("g1", "g2", 0.5, 0.4, 1, 1), pairs.get(0));
    assertFalse(pairs.get(1).counted());
    assertEquals(5.0, s.stat("candidatePairs"));
  }

  @Test
  void jsonlStatsMayBeNested() throws Exception {
    Files.writeString(tmp.resolve("report.jsonl"),
        "{\"type\":\"stats\",\"stats\":{\"candidatePairs\":9,\"pairs\":1}}\n");
    RefrainReport.Summary s = RefrainReport.read(tmp, p -> {});
    assertEquals(9.0, s.stat("candidatePairs"));
  }
}
