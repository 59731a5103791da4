package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random and mutated inputs: the loader never throws, never changes a file, and reports
 * each problem as one line naming the file. (A coverage-guided fuzzer is the next step.)
 */
class LoaderRobustnessTest {
  @TempDir Path dir;

  static final String[] SAMPLES = {
    "{\"id\": \"a\", \"text\": \"Blinken \u2019s visit to China\", \"source\": \"AFP\"}\n",
    "<html><head><title>T</title></head><body><p>Text &amp; more</p><script>x()</script></body></html>",
    "Plain text with “quotes” and — dashes.\r\n",
  };

  @ParameterizedTest
  @ValueSource(strings = {"txt", "md", "html", "json", "jsonl"})
  void survivesRandomAndMutatedBytes(String extension) throws IOException {
    Random random = new Random(extension.hashCode());
    for (int round = 0; round < 60; round++) {
      byte[] bytes;
      if (round % 2 == 0) {
        bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
      } else {
        bytes = SAMPLES[round % SAMPLES.length].getBytes(StandardCharsets.UTF_8);
        for (int flips = 1 + random.nextInt(6); flips > 0 && bytes.length > 0; flips--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      Path file = dir.resolve("f" + round + "." + extension);
      Files.write(file, bytes);
      LoadResult result = BothWays.load(new ArticleLoader(), List.of(file.toString()));
      for (LoadProblem p : result.problems()) {
        String line = p.toLine();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains(file.getFileName().toString()), "names the file: " + line);
      }
      for (Article a : result.articles()) {
        assertFalse(a.text().isBlank());
      }
      assertTrue(
          !result.articles().isEmpty() || !result.problems().isEmpty(),
          "an input is either read or reported");
      assertEquals(bytes.length, Files.size(file), "the input is left as it was");
    }
  }
}
