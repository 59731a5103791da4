package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the shared corpora, and the skip message when they are absent. */
final class EvalData {
  /** The shared corpora, relative to the repository root (the tests' working directory). */
  static final Path DATA = Path.of("../shared/corpora");

  private EvalData() {}

  /** Skips the calling test unless {@code ../shared/corpora/<folder>} exists. */
  static void assumePresent(String folder) {
    Path p = DATA.resolve(folder);
    assumeTrue(
        Files.isDirectory(p),
        "skipped: corpus data not found; put it in " + p.toAbsolutePath().normalize()
            + " (see refrain-bench eval --help)");
  }
}
