package dev.refrain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.index.IndexSettings;
import dev.refrain.index.LuceneArchive;
import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.Detector;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel gives the same pairs and passages through both strategies: a scan of a set of
 * articles, and a check of each of them against an index of the same set (which learned the same
 * templates). Passages are compared with the archived article on side a, as a scan orients a
 * pair when the archived article sorts first.
 */
public class ScanCheckAgreementTest {
  static final DetectorOptions OPTIONS = DetectorOptions.defaults().withThreads(2);

  @TempDir Path dir;

  /** Seeds, and outlets with footers whose articles reuse passages of each other and a wire story. */
  public static List<Article> corpus() {
    List<Article> articles = new ArrayList<>(new ArticleLoader().load(List.of("seeds")).articles());
    Random r = new Random(2024);
    String story = words(r, 90);
    List<String> bodies = new ArrayList<>();
    for (int o = 0; o < 4; o++) {
      String footer =
          "This story appeared in Outlet " + o + ". Read more from Outlet " + o + " and sign up"
              + " for our newsletter to get the news every morning.";
      for (int i = 0; i < 60; i++) {
        StringBuilder body = new StringBuilder();
        if (i == 3) {
          body.append(story).append('\n');
        }
        body.append(words(r, 150 + r.nextInt(300)));
        if (!bodies.isEmpty() && r.nextInt(4) == 0) {
          // A passage of an earlier article, edited: every eighth word replaced.
          String[] earlier = bodies.get(r.nextInt(bodies.size())).split(" ");
          int from = r.nextInt(Math.max(1, earlier.length - 40));
          for (int w = from; w < Math.min(earlier.length, from + 30 + r.nextInt(30)); w++) {
            body.append(' ').append(w % 8 == 0 ? "changed" : earlier[w]);
          }
          body.append(". ");
        }
        body.append(words(r, 100));
        bodies.add(body.toString());
        articles.add(
            new Article(
                "outlet" + o + "-" + String.format("%02d", i), "x", body + "\n" + footer,
                "Outlet " + o, null, null));
      }
    }
    return articles;
  }

  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int length = 3 + r.nextInt(6);
      for (int c = 0; c < length; c++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
      sb.append(i % 14 == 13 ? ". " : " ");
    }
    return sb.toString();
  }

  /** A passage's places and figures, as compared. */
  static String describe(SharedPassage s) {
    var p = s.passage();
    return p.aStart() + ".." + p.aEnd() + "/" + p.bStart() + ".." + p.bEnd() + " "
        + p.wordsA() + "w sim " + Math.round(s.similarity() * 10_000) + " diff " + s.diff();
  }

  @Test
  void aCheckOfEachArchivedArticleFindsThePassagesTheScanFinds() throws Exception {
    List<Article> articles = corpus();
    ScanResult scan = new Scanner(OPTIONS).scan(articles, ProgressListener.NONE);
    Detector detector = new Detector(OPTIONS);
    try (LuceneArchive.Writer w = LuceneArchive.openWriter(dir, IndexSettings.of(OPTIONS))) {
      for (Article a : articles) {
        w.add(detector.prepare(a));
      }
    }
    // What the scan found, keyed "a b" (a sorts first, as the archived side of the check).
    Map<String, List<String>> scanned = new TreeMap<>();
    for (ArticlePair p : scan.pairs()) {
      if (p.a() == p.b()) {
        continue;
      }
      scanned.put(
          scan.articles().get(p.a()).id() + " " + scan.articles().get(p.b()).id(),
          p.passages().stream().map(ScanCheckAgreementTest::describe).toList());
    }
    Map<String, List<String>> checked = new TreeMap<>();
    try (LuceneArchive.Reader reader = LuceneArchive.openReader(dir)) {
      assertEquals(scan.templates(), reader.templates(), "the index learned the scan's templates");
      Checker checker =
          new Checker(detector, reader, new CheckOptions(1.0, 10_000, java.util.Set.of(), Baseline.empty()));
      for (Article a : articles) {
        for (Checker.Match m : checker.check(a).matches()) {
          String archived = m.archived().article().id();
          if (archived.compareTo(a.id()) < 0) {
            checked.put(
                archived + " " + a.id(),
                m.passages().stream().map(c -> describe(c.shared())).toList());
          }
        }
      }
    }
    assertTrue(scanned.size() > 40, "a corpus with reuse: " + scanned.size() + " pairs");
    assertEquals(scanned, checked);
  }
}
