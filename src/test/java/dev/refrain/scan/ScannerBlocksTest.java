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

  static String json(ScanResult r) throws Exception {
    StringWriter out = new StringWriter();
    new JsonReportRenderer().render(ReportMapper.toReport(r, List.of()), out);
    return out.toString();
  }
}
