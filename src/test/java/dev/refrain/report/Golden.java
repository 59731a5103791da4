package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected outputs kept under {@code src/test/resources/golden/}, resolved from
 * the working directory (the repo root). A missing golden file is written and the test fails,
 * asking for it to be reviewed and committed; with {@code -Drefrain.updateGolden=true} golden
 * files are rewritten and the test passes.
 */
public final class Golden {
  static final String UPDATE_PROPERTY = "refrain.updateGolden";
  static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void assertMatchesGolden(String name, String actual) {
    assertMatchesFile(DIR.resolve(name), actual);
  }

  /** Like {@link #assertMatchesGolden}, for a file anywhere (a generated doc, {@code docs/...}). */
  public static void assertMatchesFile(Path file, String actual) {
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        write(file, actual);
        return;
      }
      if (!Files.exists(file)) {
        write(file, actual);
        fail("golden file " + file + " was missing and has been written: review it and commit it"
            + " (rerun the tests to pass)");
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertEquals(expected, actual,
          "output differs from golden file " + file + "; if the change is intended, rerun with -D"
              + UPDATE_PROPERTY + "=true, review the diff and commit it");
    } catch (IOException e) {
      throw new UncheckedIOException("golden file " + file, e);
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
