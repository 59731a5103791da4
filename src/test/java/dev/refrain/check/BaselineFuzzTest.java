package dev.refrain.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

/**
 * Any bytes as a {@code --baseline} file read as a baseline or fail with an IOException whose one
 * line names the file, and a baseline read back after writing holds the same entries. {@code mvn
 * verify} replays the inputs in {@code BaselineFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class BaselineFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void anyFileReadsAsABaselineOrOneLineNamingIt(byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("refrain-baseline-fuzz");
    Path file = dir.resolve("baseline.json");
    Path copy = dir.resolve("copy.json");
    try {
      Files.write(file, bytes);
      Baseline read;
      try {
        read = Baseline.read(file);
      } catch (IOException e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return;
      }
      Baseline.write(copy, read.entries());
      assertEquals(
          new HashSet<>(read.entries()), new HashSet<>(Baseline.read(copy).entries()));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(copy);
      Files.delete(dir);
    }
  }
}
