package dev.refrain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refrain.check.ScanCheckAgreementTest;
import dev.refrain.document.Article;
import dev.refrain.kernel.ArticleStore;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.SpooledArticleStore;
import dev.refrain.report.JsonReportRenderer;
import dev.refrain.report.ReportMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spooled scan aligns a block of articles at a time; the blocks change nothing found. */
class ScannerBlocksTest {
  @TempDir Path dir;

  @Test
  void manySmallBlocksFindWhatOneScanInMemoryFinds() throws Exception {
    DetectorOptions options = DetectorOptions.defaults().withThreads(2);
    List<Article> articles = ScanCheckAgreementTest.corpus();
    String memory = json(new Scanner(options).scan(articles, ProgressListener.NONE));
    Scanner blocks = new Scanner(options, 2_000); // a few articles a block
    try (SpooledArticleStore.Builder b =
        new SpooledArticleStore.Builder(blocks.detector(), 0, dir)) {
      for (Article a : articles) {
        b.add(blocks.detector().prepare(a));
      }
      try (ArticleStore store = b.build()) {
        assertEquals(memory, json(blocks.scan(store, ProgressListener.NONE)));
      }
    }
  }

  @Test
  void aBlockCountsThePartnersOfItsPairsAgainstItsBudget() {
    DetectorOptions options = DetectorOptions.defaults();
    Scanner scanner = new Scanner(options);
    List<Article> articles = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // 10 words each
      articles.add(new Article("a" + i, "a" + i, "one two three four five six seven eight nine ten", null, null, null));
    }
    List<dev.refrain.kernel.PreparedArticle> prepared =
        articles.stream().map(scanner.detector()::prepare).toList();
    try (ArticleStore store = ArticleStore.inMemory(prepared)) {
      // a0 pairs with a4 and a5, a1 with a1 (itself: no partner to prepare) and a2.
      long[] pairs = {
        dev.refrain.lsh.CandidatePairs.encode(0, 4), dev.refrain.lsh.CandidatePairs.encode(0, 5),
        dev.refrain.lsh.CandidatePairs.encode(1, 1), dev.refrain.lsh.CandidatePairs.encode(1, 2)
      };
      assertEquals(1, Scanner.blockEnd(store, pairs, 0, 0, 29), "a0 and partners: 30 words");
      assertEquals(1, Scanner.blockEnd(store, pairs, 0, 0, 30 + 19));
      assertEquals(2, Scanner.blockEnd(store, pairs, 0, 0, 30 + 20));
      assertEquals(1, Scanner.blockEnd(store, pairs, 0, 0, 1), "one article at least");
      assertEquals(6, Scanner.blockEnd(store, pairs, 0, 0, Long.MAX_VALUE));
      assertEquals(3, Scanner.blockEnd(store, pairs, 1, 2, 30), "a1 with a2 as partner, then a2");
    }
  }

  static String json(ScanResult r) throws Exception {
    StringWriter out = new StringWriter();
    new JsonReportRenderer().render(ReportMapper.toReport(r, List.of()), out);
    return out.toString();
  }
}
