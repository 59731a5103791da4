package dev.refrain.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carrotsearch.hppc.LongIntHashMap;
import dev.refrain.document.Article;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplateLearner#reduced}: learning from fingerprints reduced to those enough articles
 * hold ({@link TemplateLearner#mayBeFrequent}) gives the templates the full fingerprints give, on
 * a corpus holding each case the rule tells apart (footers, corpus-wide share lines, a reprinted
 * wire story, a background paragraph repeated mid-story, a pasted source document).
 */
class TemplateLearnerReducedTest {
  @Test
  void keepsTheFrequentFingerprintsAndTheFirstOfEachRunOfOthers() {
    Fingerprints fp = new Fingerprints(new long[] {1, 2, 3, 4, 5, 6, 7}, new int[] {0, 2, 5, 6, 9, 11, 14});
    Fingerprints r = TemplateLearner.reduced(fp, h -> h == 2 || h == 3 || h == 6);
    assertArrayEquals(new long[] {1, 2, 3, 4, 6, 7}, r.hashes());
    assertArrayEquals(new int[] {0, 2, 5, 6, 11, 14}, r.positions());
    assertEquals(fp, TemplateLearner.reduced(fp, h -> true));
  }

  @Test
  void learnsTheSameTemplatesFromReducedFingerprints() {
    List<Article> articles = corpus(new Random(7));
    DetectorOptions defaults = DetectorOptions.defaults();
    DetectorOptions smallBuckets = new DetectorOptions(5, 6, 8, 8, 0.5, 3, 20, 2, defaults.seed());
    for (DetectorOptions options : List.of(defaults, smallBuckets)) {
      Detector detector = new Detector(options);
      List<PreparedArticle> prepared = new ArrayList<>();
      for (Article a : articles) {
        prepared.add(detector.prepare(a));
      }
      int n = prepared.size();
      TemplateLearner learner = detector.templateLearner();
      FingerprintTable table = FingerprintTable.build(n, a -> prepared.get(a).fingerprints().hashes());
      Templates full = learner.learn(Detector.corpus(prepared), table);

      // Holders of each key, counted as a job counts them: an article's distinct keys.
      LongIntHashMap holders = new LongIntHashMap();
      for (PreparedArticle p : prepared) {
        long[] keys = Arrays.stream(p.fingerprints().hashes()).map(table::key).distinct().toArray();
        for (long k : keys) {
          holders.addTo(k, 1);
        }
      }
      Fingerprints[] reduced = new Fingerprints[n];
      long all = 0;
      long kept = 0;
      for (int a = 0; a < n; a++) {
        Fingerprints fp = prepared.get(a).fingerprints();
        reduced[a] =
            TemplateLearner.reduced(fp, h -> learner.mayBeFrequent(holders.get(table.key(h))));
        all += fp.size();
        kept += reduced[a].size();
      }
      FingerprintTable reducedTable = FingerprintTable.build(n, a -> reduced[a].hashes());
      Templates fromReduced =
          learner.learn(withFingerprints(Detector.corpus(prepared), reduced), reducedTable);

      assertFalse(full.list().isEmpty(), "the corpus has templates");
      assertTrue(full.list().stream().anyMatch(Template::corpusWide) || options == defaults);
      assertTrue(2 * kept < all, "reduced to " + kept + " of " + all + " fingerprints");
      assertEquals(full, fromReduced, full.list().size() + " templates from all fingerprints");
    }
  }

  /** Articles of 50 outlets with each case template learning tells apart. */
  private static List<Article> corpus(Random r) {
    String share = "Follow us on social media for breaking news, photos and live updates.";
    String story = TemplateScanTest.words(r, 150);
    String document = TemplateScanTest.words(r, 300);
    String background = TemplateScanTest.words(r, 60);
    List<Article> articles = new ArrayList<>();
    articles.add(TemplateScanTest.article("wire", "Wire", story + TemplateScanTest.words(r, 20)));
    for (int o = 0; o < 50; o++) {
      String outlet = "Outlet " + o;
      String footer =
          "You are reading " + outlet + ". Subscribe to " + outlet + " for the best local news,"
              + " sport and weather every morning. " + share;
      for (int i = 0; i < 12; i++) {
        StringBuilder text = new StringBuilder();
        if (i == 3 && o < 8) {
          text.append(story).append('\n'); // reprinted at the top
        }
        text.append(TemplateScanTest.words(r, 150 + r.nextInt(250)));
        if (o == 5) {
          text.append('\n').append(background).append('\n'); // repeated mid-story
          text.append(TemplateScanTest.words(r, 120));
        }
        if (i == 6 && o < 10) {
          text.append('\n').append(document, 0, 600 + 50 * o); // pasted source document
        }
        text.append('\n').append(o % 7 == 0 ? share : footer);
        articles.add(TemplateScanTest.article(String.format("o%02d-%02d", o, i), outlet, text.toString()));
      }
    }
    return articles;
  }

  /** {@code corpus} with article {@code a}'s fingerprints {@code fingerprints[a]}. */
  private static TemplateCorpus withFingerprints(TemplateCorpus corpus, Fingerprints[] fingerprints) {
    return new TemplateCorpus() {
      @Override
      public int size() {
        return corpus.size();
      }

      @Override
      public String id(int a) {
        return corpus.id(a);
      }

      @Override
      public String source(int a) {
        return corpus.source(a);
      }

      @Override
      public int words(int a) {
        return corpus.words(a);
      }

      @Override
      public Fingerprints fingerprints(int a) {
        return fingerprints[a];
      }

      @Override
      public long[] shingles(int a) {
        return corpus.shingles(a);
      }

      @Override
      public Tokens tokens(int a) {
        return corpus.tokens(a);
      }

      @Override
      public String text(int a) {
        return corpus.text(a);
      }
    };
  }
}
