package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refrain.bench.corpus.CorpusGenerator;
import dev.refrain.bench.corpus.CorpusInfo;
import dev.refrain.bench.corpus.CorpusReader;
import dev.refrain.bench.corpus.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int N = 1500;

  @TempDir static Path tmp;
  static Path dir;
  static Map<String, JsonNode> articles = new HashMap<>();
  static List<JsonNode> truth = new ArrayList<>();
  static CorpusGenerator.Summary summary;

  @BeforeAll
  static void generate() throws Exception {
    dir = tmp.resolve("c");
    summary = new CorpusGenerator(CorpusGenerator.Settings.defaults(N, 7)).write(dir);
    for (Path shard : CorpusReader.shards(dir.resolve("articles"))) {
      for (String line : Files.readAllLines(shard)) {
        JsonNode a = JSON.readTree(line);
        articles.put(a.get("id").asText(), a);
      }
    }
    for (String line : Files.readAllLines(dir.resolve("truth.jsonl"))) {
      truth.add(JSON.readTree(line));
    }
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherText() throws Exception {
    Path again = tmp.resolve("again");
    new CorpusGenerator(CorpusGenerator.Settings.defaults(N, 7)).write(again);
    for (String f : List.of("articles/part-00000.jsonl", "truth.jsonl")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
    Path other = tmp.resolve("other");
    new CorpusGenerator(CorpusGenerator.Settings.defaults(200, 8)).write(other);
    String first = Files.readAllLines(other.resolve("articles/part-00000.jsonl")).get(0);
    assertTrue(!first.equals(Files.readAllLines(dir.resolve("articles/part-00000.jsonl")).get(0)));
  }

  @Test
  void articlesAreNewsLikeAndInRange() {
    assertEquals(N, articles.size());
    long words = 0;
    long bytes = 0;
    int quotes = 0;
    for (JsonNode a : articles.values()) {
      String text = a.get("text").asText();
      int w = Tokens.countWords(text);
      assertTrue(w >= 300 && w <= 1200, a.get("id") + ": " + w + " words");
      assertTrue(text.contains("\n\n"), "paragraphs");
      assertTrue(a.hasNonNull("source") && a.hasNonNull("title") && a.get("published").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
      if (text.contains("\" said ")) {
        quotes++;
      }
      words += w;
      bytes += text.length();
    }
    double mean = (double) words / N;
    assertTrue(mean > 780 && mean < 920, "mean words " + mean);
    assertTrue(bytes / N > 4300 && bytes / N < 5600, "text bytes per article " + bytes / N);
    assertTrue(quotes > N / 2, "quoted statements in most articles");
    // sentences of 8 to 35 words: check a sample sentence by sentence
    String text = articles.get("g000010").get("text").asText();
    String[] paragraphs = text.split("\n\n");
    String body = String.join(" ", List.of(paragraphs).subList(paragraphs[0].contains(" | ") ? 1 : 0, paragraphs.length - 1));
    for (String s : body.split("(?<=[.?])\\s+(?=[A-Z\"])")) {
      int w = Tokens.countWords(s);
      assertTrue(w >= 8 && w <= 35 + 4, w + " words: " + s);
    }
  }

  @Test
  void everyOutletSignsEachArticleWithItsFooter() {
    Map<String, List<String>> bySource = new HashMap<>();
    for (JsonNode a : articles.values()) {
      bySource.computeIfAbsent(a.get("source").asText(), k -> new ArrayList<>()).add(a.get("text").asText());
    }
    assertEquals(CorpusGenerator.defaultSources(N), bySource.size());
    for (var e : bySource.entrySet()) {
      // the footer is the last paragraph; its words without digits are the same in all articles
      Set<String> footers = new HashSet<>();
      for (String text : e.getValue()) {
        String last = text.substring(text.lastIndexOf("\n\n") + 2);
        int w = Tokens.countWords(last);
        assertTrue(w >= 20 && w <= 60 + 6, e.getKey() + " footer of " + w + " words");
        footers.add(last.replaceAll("\\d+", "#").replaceAll("Updated \\w+ #, #\\. ", ""));
      }
      assertEquals(1, footers.size(), e.getKey() + ": " + footers);
    }
  }

  @Test
  void truePairsShareThePlantedText() {
    assertTrue(truth.size() > 100);
    Set<String> kinds = new HashSet<>();
    for (JsonNode t : truth) {
      String a = t.get("a").asText();
      String b = t.get("b").asText();
      assertTrue(a.compareTo(b) < 0, a + " < " + b);
      kinds.add(t.get("kind").asText());
      String ta = articles.get(a).get("text").asText().substring(t.get("aStart").asInt(), t.get("aEnd").asInt());
      String tb = articles.get(b).get("text").asText().substring(t.get("bStart").asInt(), t.get("bEnd").asInt());
      assertTrue(Tokens.countWords(ta) >= 15 && Tokens.countWords(tb) >= 15, "spans of " + t);
      // edits touch at most 15% of the words: the two spans share most of their 5-word shingles
      Set<Long> sa = shingles(ta);
      Set<Long> sb = shingles(tb);
      int shared = 0;
      for (long h : sa) {
        if (sb.contains(h)) {
          shared++;
        }
      }
      assertTrue(shared >= 1 && shared >= Math.min(sa.size(), sb.size()) / 10, t + ": " + shared + " shared shingles");
    }
    assertEquals(Set.of("reuse", "co-reuse", "reprint", "co-reprint"), kinds);
  }

  @Test
  void corpusInfoMarksACompleteCorpusForTheseSettings() throws Exception {
    assertEquals(summary, CorpusInfo.cached(dir, CorpusGenerator.Settings.defaults(N, 7)));
    assertEquals(null, CorpusInfo.cached(dir, CorpusGenerator.Settings.defaults(N, 8)));
    assertEquals(N, CorpusReader.countRecords(dir.resolve("articles")));
  }

  static Set<Long> shingles(String text) {
    Tokens.Buffer buf = new Tokens.Buffer();
    int n = Tokens.distinctShingles(text, 5, buf);
    Set<Long> s = new HashSet<>();
    for (int i = 0; i < n; i++) {
      s.add(buf.shingles[i]);
    }
    return s;
  }
}
