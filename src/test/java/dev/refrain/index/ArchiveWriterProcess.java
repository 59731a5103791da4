package dev.refrain.index;

import dev.refrain.document.Article;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.Detector;
import java.nio.file.Path;

/**
 * A separate process that writes to an archive: adds articles {@code article-<n>} in batches,
 * committing after each and printing {@code committed <n>}. Tests kill it with SIGKILL or check
 * the archive while it runs.
 */
public final class ArchiveWriterProcess {
  private ArchiveWriterProcess() {}

  /** The text of generated article {@code n}: deterministic, so tests can verify it intact. */
  public static String text(int n) {
    StringBuilder sb = new StringBuilder("Article ").append(n).append(". ");
    java.util.Random r = new java.util.Random(n);
    for (int i = 0; i < 120; i++) {
      sb.append('w').append(r.nextInt(100_000)).append(i % 15 == 14 ? ". " : " ");
    }
    return sb.toString();
  }

  /** Arguments: index folder, batches (0 = until killed), batch size. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int batches = Integer.parseInt(args[1]);
    int batchSize = Integer.parseInt(args[2]);
    DetectorOptions options = DetectorOptions.defaults().withThreads(1);
    Detector detector = new Detector(options);
    LuceneArchive.Writer writer = LuceneArchive.openWriter(dir, IndexSettings.of(options));
    int n = 0;
    for (int b = 0; batches == 0 || b < batches; b++) {
      for (int i = 0; i < batchSize; i++, n++) {
        writer.add(detector.prepare(Article.of("article-" + n, text(n))));
      }
      writer.commit();
      System.out.println("committed " + n);
      System.out.flush();
    }
    writer.close();
  }
}
