package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passage held by more articles than --max-bucket, through the command line: it is reported as
 * one cluster of all its articles (each verified against one representative), every report says
 * what the cap left out, and check compares an article carrying it with the representative
 * instead of passing it on nothing; past --max-candidates a check fails closed.
 */
class BucketCapTest {
  @TempDir Path tmp;

  /** A 42-word sentence every generated article carries, between words of its own. */
  static final String SENTENCE =
      "The regional council said on Tuesday that the new water treatment plant would open next"
          + " spring after three years of delays caused by funding disputes between the"
          + " provincial government and two private contractors over the final costs of the"
          + " construction work on the site";

  /** {@code n} articles as JSON Lines, ids a0000..., each the sentence amid 120 random words. */
  Path articles(int n, String name) throws Exception {
    Random random = new Random(7);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String text = words(random, 60) + ". " + SENTENCE + ". " + words(random, 60) + ".";
      b.append(JsonNodeFactory.instance.objectNode()
              .put("id", String.format("a%04d", i)).put("text", text))
          .append('\n');
    }
    return Files.writeString(tmp.resolve(name), b);
  }

  static String words(Random random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : " ").append("w").append(random.nextInt(50_000));
    }
    return b.toString();
  }

  @Test
  void aSentence2000ArticlesShareIsOneClusterOfAllOfThemAndTheCapIsReported() throws Exception {
    Path in = articles(2000, "many.jsonl");
    Path out = tmp.resolve("out");
    MainTest.Run r = MainTest.run("scan", in.toString(), "--out", out.toString(), "--format", "json,md,html");
    assertEquals(0, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    // One cluster of all 2,000 (a star around one representative), not splinters of a few.
    assertEquals(1, report.at("/stats/clusters").asInt(), report.at("/stats").toString());
    JsonNode cluster = report.at("/clusters/0");
    assertEquals(2000, cluster.get("articleCount").asInt());
    Set<String> articles = new HashSet<>();
    cluster.get("occurrences").forEach(o -> articles.add(o.get("article").asText()));
    assertEquals(2000, articles.size());
    // What the cap left out, counted.
    JsonNode capped = report.at("/stats/capped");
    assertEquals(200, capped.get("maxBucket").asInt());
    assertTrue(capped.get("fingerprints").asInt() >= 2, capped.toString());
    assertEquals(report.at("/stats/cappedFingerprints").asInt(), capped.get("fingerprints").asInt());
    assertEquals(2000, capped.get("articles").asInt());
    assertEquals(1999, capped.get("representativePairs").asInt());
    int pairs = report.at("/stats/pairs").asInt();
    assertEquals(report.at("/stats/candidatePairs").asInt(), pairs, "every candidate shares it");
    // One set of holders: the count is exact, all 1,999,000 pairs less those compared.
    assertEquals(2000L * 1999 / 2 - pairs, capped.get("pairsNotCompared").asLong());
    String line = "capped: " + capped.get("fingerprints").asInt() + " fingerprints were held by"
        + " more than 200 articles (2,000 articles hold them)";
    assertTrue(r.out().contains(line), r.out());
    assertTrue(Files.readString(out.resolve("report.md")).contains(line));
    assertTrue(Files.readString(out.resolve("report.html")).contains(line));
  }

  @Test
  void aReportSaysNothingOfCapsWhenNothingWasCapped() throws Exception {
    Path in = articles(20, "few.jsonl");
    Path out = tmp.resolve("out");
    MainTest.Run r = MainTest.run("scan", in.toString(), "--out", out.toString(), "--format", "json,md");
    assertEquals(0, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertTrue(report.at("/stats/capped").isMissingNode());
    assertEquals(20 * 19 / 2, report.at("/stats/pairs").asInt());
    assertFalse(r.out().contains("capped:"), r.out());
  }

  @Test
  void checkComparesAnArticleWithTheRepresentativeOfACappedPassage() throws Exception {
    Path index = tmp.resolve("index");
    MainTest.Run add = MainTest.run("index", "add", articles(300, "archive.jsonl").toString(), "--index", index.toString());
    assertEquals(0, add.code(), add.err());
    Path fresh =
        Files.writeString(tmp.resolve("fresh.txt"), "Some words of its own open the story. " + SENTENCE + ".");
    Path out = tmp.resolve("c");
    MainTest.Run check =
        MainTest.run("check", fresh.toString(), "--index", index.toString(), "--format", "text,json", "--out", out.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    String text = Files.readString(out.resolve("check.txt"));
    assertTrue(text.startsWith("FAIL fresh"), text);
    assertTrue(text.contains("held by more than 200 archived articles, each compared through its"
        + " representative holder (1 archived article)"), text);
    JsonNode json = new ObjectMapper().readTree(out.resolve("check.json").toFile());
    JsonNode article = json.at("/articles/0");
    assertTrue(article.get("containment").asDouble() > 0.8, article.toString());
    assertEquals(1, article.get("matches").size());
    assertTrue(article.at("/capped/cappedFingerprints").asInt() >= 2, article.toString());
    assertEquals(1, article.at("/capped/representatives").asInt());
    assertEquals(0, article.at("/capped/candidatesNotCompared").asInt());
    // The representative is the same article a scan of the archive pairs every holder with.
    MainTest.Run scan = MainTest.run("scan", tmp.resolve("archive.jsonl").toString(), "--out", tmp.resolve("s").toString(), "--format", "json");
    assertEquals(0, scan.code(), scan.err());
    JsonNode scanned = new ObjectMapper().readTree(tmp.resolve("s").resolve("report.json").toFile());
    String representative = article.at("/matches/0/archivedId").asText();
    int withIt = 0;
    for (JsonNode p : scanned.get("pairs")) {
      if (p.get("a").asText().equals(representative) || p.get("b").asText().equals(representative)) {
        withIt++;
      }
    }
    assertTrue(withIt >= 299, "the scan's star is around " + representative + ": " + withIt);
  }

  @Test
  void checkFailsClosedWhenCandidatesArePastMaxCandidates() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, MainTest.run("index", "add", articles(5, "archive.jsonl").toString(), "--index", index.toString()).code());
    Path fresh = Files.writeString(tmp.resolve("fresh.txt"), words(new Random(1), 200) + ". " + SENTENCE + ".");
    MainTest.Run all = MainTest.run("check", fresh.toString(), "--index", index.toString(), "--max-containment", "0.9");
    assertEquals(0, all.code(), all.out());
    MainTest.Run capped =
        MainTest.run("check", fresh.toString(), "--index", index.toString(), "--max-containment", "0.9",
            "--max-candidates", "2", "--format", "json");
    assertEquals(1, capped.code(), capped.out());
    JsonNode json = new ObjectMapper().readTree(capped.out());
    assertEquals(false, json.at("/articles/0/exceeded").asBoolean());
    assertEquals(true, json.at("/articles/0/failed").asBoolean());
    assertEquals(3, json.at("/articles/0/capped/candidatesNotCompared").asInt());
    assertEquals(2, json.at("/articles/0/capped/maxCandidates").asInt());
    assertEquals(1, json.at("/summary/failed").asInt());
    MainTest.Run text =
        MainTest.run("check", fresh.toString(), "--index", index.toString(), "--max-containment", "0.9",
            "--max-candidates", "2");
    assertEquals(1, text.code());
    assertTrue(text.out().contains("not compared: 3 candidates past --max-candidates 2: fails whatever"
        + " its containment (raise --max-candidates)"), text.out());
    assertTrue(text.out().contains("1 failed: not compared with every candidate"), text.out());
    MainTest.Run md =
        MainTest.run("check", fresh.toString(), "--index", index.toString(), "--max-containment", "0.9",
            "--max-candidates", "2", "--format", "markdown");
    assertEquals(1, md.code());
    assertTrue(md.out().contains("### Caps\n\n- fresh: not compared: 3 candidates past --max-candidates 2"), md.out());
    assertTrue(md.out().contains("| ❌ not compared in full |"), md.out());
    MainTest.Run sarif =
        MainTest.run("check", fresh.toString(), "--index", index.toString(), "--max-containment", "0.9",
            "--max-candidates", "2", "--format", "sarif");
    assertEquals(1, sarif.code());
    JsonNode run = new ObjectMapper().readTree(sarif.out()).at("/runs/0");
    assertEquals("refrain/article-not-compared-in-full", run.at("/tool/driver/rules/2/id").asText());
    assertEquals("refrain/article-not-compared-in-full", run.at("/results/0/ruleId").asText());
    assertEquals("error", run.at("/results/0/level").asText());
  }

  @Test
  void checkReportsTheTimeEachArticleTook() throws Exception {
    Path index = tmp.resolve("index");
    assertEquals(0, MainTest.run("index", "add", articles(5, "archive.jsonl").toString(), "--index", index.toString()).code());
    Path fresh = Files.createDirectories(tmp.resolve("fresh"));
    for (int i = 0; i < 7; i++) {
      Files.writeString(fresh.resolve("f" + i + ".txt"), words(new Random(i), 300));
    }
    Path out = tmp.resolve("c");
    MainTest.Run r = MainTest.run("check", fresh.toString(), "--index", index.toString(), "--format", "text,json", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode latency = new ObjectMapper().readTree(out.resolve("check.json").toFile()).at("/summary/latency");
    assertEquals(7, latency.get("articles").asInt(), latency.toString());
    double median = latency.get("medianMillis").asDouble();
    double p95 = latency.get("p95Millis").asDouble();
    double max = latency.get("maxMillis").asDouble();
    double total = latency.get("totalMillis").asDouble();
    assertTrue(0 < median && median <= p95 && p95 <= max && max <= total, latency.toString());
    String text = Files.readString(out.resolve("check.txt"));
    assertTrue(text.matches("(?s).*\ntime per article: median [0-9.]+ ms, p95 [0-9.]+ ms, max [0-9.]+ ms;"
        + " total [0-9.]+ s for 7 articles\n"), text);
    assertTrue(r.out().contains("time per article: median "), r.out());
  }
}
