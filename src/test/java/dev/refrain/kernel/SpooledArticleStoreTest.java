package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.check.ScanCheckAgreementTest;
import dev.refrain.document.Article;
import dev.refrain.report.JsonReportRenderer;
import dev.refrain.report.ReportMapper;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpooledArticleStoreTest {
  static final Detector DETECTOR = new Detector(DetectorOptions.defaults().withThreads(2));

  @TempDir Path dir;

  static ArticleStore spooled(List<Article> articles, Path dir, long budget) {
    try (SpooledArticleStore.Builder b = new SpooledArticleStore.Builder(DETECTOR, budget, dir)) {
      for (Article a : articles) {
        b.add(DETECTOR.prepare(a));
      }
      return b.build();
    }
  }

  @Test
  void textsComeBackExactlyWhateverTheirCharacters() {
    List<Article> articles =
        List.of(
            new Article("b", "b.txt", "plain ASCII, and Latin-1: café, naïve, ½", "S", "T", "2024"),
            Article.of("a", "curly “quotes” — dashes, 北京, emoji \uD83D\uDE00, lone \uD800 surrogate"),
            Article.of("c", ""));
    try (ArticleStore store = spooled(articles, dir, 0)) {
      assertFalse(store.keepsPrepared());
      assertEquals(3, store.size());
      assertEquals("a", store.info(0).id(), "numbered by id");
      assertEquals(articles.get(1), store.article(0));
      assertEquals(articles.get(0), store.article(1));
      assertEquals(articles.get(2), store.article(2));
      for (int i = 0; i < 3; i++) {
        PreparedArticle again = store.prepared(i);
        PreparedArticle first = DETECTOR.prepare(store.article(i));
        assertArrayEquals(first.shingles(), again.shingles());
        assertArrayEquals(first.fingerprints().positions(), store.fingerprints(i).positions());
        // Prepared again without selecting fingerprints again: the same, full hashes included.
        assertArrayEquals(first.fingerprints().hashes(), again.fingerprints().hashes());
        assertArrayEquals(first.fingerprints().positions(), again.fingerprints().positions());
        assertArrayEquals(first.repeatedFingerprints(), again.repeatedFingerprints());
        assertEquals(first.tokens(), again.tokens());
      }
    }
  }

  @Test
  void theTemporaryFileIsDeletedOnClose() throws Exception {
    ArticleStore store = spooled(List.of(Article.of("x", "some words here")), dir, 0);
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
    store.close();
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void articlesThatFitTheBudgetStayInMemory() {
    try (ArticleStore store = spooled(List.of(Article.of("x", "some words here")), dir, 1L << 30)) {
      assertTrue(store.keepsPrepared());
    }
  }

  @Test
  void aScanOfSpooledArticlesGivesTheSameReportAsInMemory() throws Exception {
    List<Article> articles = ScanCheckAgreementTest.corpus();
    Scanner scanner = new Scanner(DetectorOptions.defaults().withThreads(2));
    ScanResult memory = scanner.scan(articles, ProgressListener.NONE);
    ScanResult disk;
    try (ArticleStore store = spooled(articles, dir, 0)) {
      disk = scanner.scan(store, ProgressListener.NONE);
      assertEquals(json(memory), json(disk));
    }
    assertTrue(memory.pairs().size() > 40, "a corpus with reuse");
  }

  static String json(ScanResult r) throws Exception {
    StringWriter out = new StringWriter();
    new JsonReportRenderer().render(ReportMapper.toReport(r, List.of()), out);
    return out.toString();
  }
}
