package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.bench.corpus.CorpusGenerator;
import dev.refrain.bench.pairs.Pairs;
import dev.refrain.bench.pairs.PostingsJoin;
import dev.refrain.bench.peers.ExactPeer;
import dev.refrain.bench.peers.LucenePeer;
import dev.refrain.bench.run.Quality;
import dev.refrain.bench.run.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersTest {
  @TempDir Path tmp;

  /** Words that share nothing: every article its own vocabulary. */
  static String words(String prefix, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(prefix);
      int k = i;
      do {
        sb.append((char) ('a' + k % 26));
        k /= 26;
      } while (k > 0);
      sb.append(i % 12 == 11 ? ". " : " ");
    }
    return sb.toString();
  }

  Path corpus(List<String> texts) throws Exception {
    Path dir = tmp.resolve("articles");
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      sb.append("{\"id\":\"t").append(i).append("\",\"text\":\"").append(texts.get(i)).append("\"}\n");
    }
    Files.writeString(dir.resolve("part-00000.jsonl"), sb);
    return dir;
  }

  @Test
  void exactCounterFindsAPlantedPassageAndIgnoresCappedShingles() throws Exception {
    String planted = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
    String common = "the same seven words appear in every article";
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String own = words("w" + (char) ('a' + i), 60);
      texts.add(own + " " + common + " " + words("u" + (char) ('a' + i), 20) + (i == 2 || i == 5 ? planted + " " : "")
          + words("v" + (char) ('a' + i), 30));
    }
    Path dir = corpus(texts);
    // max-df 3: the common run (in all 8 articles) is ignored; the planted run (in 2) is counted
    PostingsJoin.Result r = ExactPeer.run(dir, texts.size(), Files.size(dir.resolve("part-00000.jsonl")), 5, 3, 2, tmp.resolve("t"));
    assertEquals(1, r.pairs().size(), "only the planted pair");
    assertEquals(Pairs.key(2, 5), r.pairs().keys[0]);
    assertEquals(6, r.pairs().counts[0], "10 planted words make 6 five-word shingles");
    assertTrue(r.runsCapped() >= 3, "the common run's shingles are over the cap");
    // with the cap lifted, every pair shares the common run
    PostingsJoin.Result all = ExactPeer.run(dir, texts.size(), 1, 5, 50, 1, tmp.resolve("t2"));
    assertEquals(8 * 7 / 2, all.pairs().size());
    assertEquals(1, all.partitions());
  }

  @Test
  void spilledPartitionsGiveTheSamePairs() throws Exception {
    Path dir = tmp.resolve("c");
    new CorpusGenerator(CorpusGenerator.Settings.defaults(400, 3)).write(dir);
    Path articles = dir.resolve("articles");
    PostingsJoin.Result memory = ExactPeer.run(articles, 400, 1, 5, 50, 2, tmp.resolve("m"));
    // a tiny budget forces partitions spilled to files
    PostingsJoin spill = new PostingsJoin(2, 50, 64 * 1024, tmp.resolve("s"));
    PostingsJoin.Result spilled = spill.run(articles, 400, 400 * 900, () -> new PostingsJoin.Keys() {
      final dev.refrain.bench.corpus.Tokens.Buffer b = new dev.refrain.bench.corpus.Tokens.Buffer();

      @Override
      public int compute(String text) {
        return dev.refrain.bench.corpus.Tokens.distinctShingles(text, 5, b);
      }

      @Override
      public long[] array() {
        return b.shingles;
      }
    });
    assertTrue(spilled.partitions() > 1);
    assertTrue(java.util.Arrays.equals(memory.pairs().keys, spilled.pairs().keys));
    assertTrue(java.util.Arrays.equals(memory.pairs().counts, spilled.pairs().counts));
    // and the exact counter has every true pair of the generated corpus
    Truth truth = Truth.read(dir.resolve("truth.jsonl"), id -> Integer.parseInt(id.substring(1)));
    assertEquals(1.0, Quality.of(memory.pairs().keys, truth).recall());
  }

  @Test
  void luceneMinHashFindsNearDuplicatesNotStrangers() throws Exception {
    String story = words("st", 300);
    String reprint = story.replace("stc ", "zzz ");
    List<String> texts = List.of(story, words("qq", 300), reprint, words("rr", 300));
    Path dir = corpus(texts);
    PostingsJoin.Result r = LucenePeer.run(dir, texts.size(), 128, 4, 1000, 2, tmp.resolve("t"));
    assertTrue(r.pairs().contains(Pairs.key(0, 2)), "the near duplicate");
    assertFalse(r.pairs().contains(Pairs.key(0, 1)));
    assertFalse(r.pairs().contains(Pairs.key(1, 3)));
    assertEquals(texts.size() * 128L, r.keys());
  }
}
