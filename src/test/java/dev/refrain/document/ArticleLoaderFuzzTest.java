package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Any bytes, under any supported extension, load as articles or as problem lines naming the file:
 * never an exception, never a silent drop, never a blank article; and streamed, the same articles
 * and problems. {@code mvn verify} replays the inputs in {@code ArticleLoaderFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ArticleLoaderFuzzTest {

  private static final List<String> EXTENSIONS = List.of("txt", "md", "html", "json", "jsonl");

  @FuzzTest(maxDuration = "60s")
  void anyFileLoadsAsArticlesOrProblemsNamingIt(FuzzedDataProvider data) throws IOException {
    String extension = data.pickValue(EXTENSIONS);
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("refrain-fuzz");
    try {
      Path file = dir.resolve("article." + extension);
      Files.write(file, bytes);
      String shown = file.toString();
      LoadResult result =
          BothWays.load(new ArticleLoader(new LoaderOptions(1 << 20)), List.of(shown));
      assertTrue(
          !result.articles().isEmpty() || result.anySkipped(),
          "nothing loaded and nothing said: " + result);
      for (Article a : result.articles()) {
        assertFalse(a.text().isBlank(), "blank article " + a.id());
        assertFalse(a.id().isEmpty(), "empty id");
      }
      for (LoadProblem p : result.problems()) {
        String line = p.toLine();
        assertTrue(line.startsWith("refrain: " + shown), line);
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
      }
      assertEquals(result, new ArticleLoader(new LoaderOptions(1 << 20)).load(List.of(shown)));
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * A JSON or JSON Lines file, under a limit of 1 to 256 bytes so that most inputs are over it and
   * read a record at a time: the same promises, and no article from a record over the limit.
   */
  @FuzzTest(maxDuration = "60s")
  void anyRecordFileStreamsAsArticlesOrProblemsNamingIt(FuzzedDataProvider data)
      throws IOException {
    String extension = data.consumeBoolean() ? "json" : "jsonl";
    int limit = data.consumeInt(1, 256);
    byte[] bytes = data.consumeRemainingAsBytes();
    Path dir = Files.createTempDirectory("refrain-fuzz");
    try {
      Path file = dir.resolve("records." + extension);
      Files.write(file, bytes);
      String shown = file.toString();
      ArticleLoader loader = new ArticleLoader(new LoaderOptions(limit));
      LoadResult result = BothWays.load(loader, List.of(shown));
      assertTrue(
          !result.articles().isEmpty() || result.anySkipped(),
          "nothing loaded and nothing said: " + result);
      for (Article a : result.articles()) {
        assertFalse(a.text().isBlank(), "blank article " + a.id());
        assertTrue(
            a.text().length() <= limit, "an article longer than its record may be: " + a.id());
      }
      for (LoadProblem p : result.problems()) {
        String line = p.toLine();
        assertTrue(line.startsWith("refrain: " + shown), line);
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
      }
      assertEquals(result, loader.load(List.of(shown)));
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ArticleLoaderFuzzTest::delete);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
