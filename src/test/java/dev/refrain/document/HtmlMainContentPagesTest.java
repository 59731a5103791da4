package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The main content measured on real pages: Mozilla Readability's test pages (a folder per page,
 * {@code source.html} and the {@code expected.html} Readability extracts), not in this
 * repository. Given their folder, it compares the words of {@code HtmlText}'s text with the
 * expected content's, as bags of words: recall (expected words found) and precision (words kept
 * that are expected), averaged over the pages, beside the whole body's. Without the folder it is
 * skipped:
 *
 * <pre>
 * git clone https://github.com/mozilla/readability /tmp/readability
 * mvn -B -q test -Dtest=HtmlMainContentPagesTest -Drefrain.readabilityPages=/tmp/readability/test/test-pages
 * </pre>
 */
class HtmlMainContentPagesTest {
  static final String PROPERTY = "refrain.readabilityPages";

  private static Map<String, Integer> bag(String s) {
    Map<String, Integer> m = new HashMap<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        m.merge(w, 1, Integer::sum);
      }
    }
    return m;
  }

  private static int total(Map<String, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static int common(Map<String, Integer> a, Map<String, Integer> b) {
    int n = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      n += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
    }
    return n;
  }

  @Test
  void readabilitysTestPagesKeepTheirContentAndDropTheRest() throws IOException {
    String dir = System.getProperty(PROPERTY);
    Assumptions.assumeTrue(dir != null, "-D" + PROPERTY + "=<readability>/test/test-pages not given");
    List<Path> pages;
    try (Stream<Path> list = Files.list(Path.of(dir))) {
      pages = list.sorted().toList();
    }
    double recall = 0;
    double precision = 0;
    double wholeRecall = 0;
    double wholePrecision = 0;
    int n = 0;
    for (Path page : pages) {
      Path source = page.resolve("source.html");
      Path expected = page.resolve("expected.html");
      if (!Files.isRegularFile(source) || !Files.isRegularFile(expected)) {
        continue;
      }
      Map<String, Integer> want =
          bag(Jsoup.parse(Files.readString(expected, StandardCharsets.UTF_8)).text());
      if (total(want) < 50) {
        continue; // pages testing metadata or markup, with next to no content
      }
      String html = Files.readString(source, StandardCharsets.UTF_8);
      Map<String, Integer> ours = bag(HtmlText.parse(html).text());
      Map<String, Integer> whole = bag(Jsoup.parse(html).body().text());
      recall += (double) common(want, ours) / total(want);
      precision += total(ours) == 0 ? 0 : (double) common(want, ours) / total(ours);
      wholeRecall += (double) common(want, whole) / total(want);
      wholePrecision += (double) common(want, whole) / Math.max(1, total(whole));
      n++;
    }
    assertTrue(n > 0, "no page with source.html and expected.html in " + dir);
    String measured = String.format(Locale.ROOT,
        "%d pages: word recall %.3f, precision %.3f (whole body: %.3f, %.3f)",
        n, recall / n, precision / n, wholeRecall / n, wholePrecision / n);
    System.out.println("HtmlMainContentPagesTest: " + measured);
    assertTrue(recall / n >= 0.9, measured);
    assertTrue(precision / n >= 0.95, measured);
  }
}
