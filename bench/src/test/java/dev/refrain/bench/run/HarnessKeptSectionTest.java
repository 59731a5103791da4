package dev.refrain.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness rewrites docs/benchmarks.md but keeps the Spark job's section, measured apart. */
class HarnessKeptSectionTest {
  @TempDir Path dir;

  @Test
  void keepsTheSparkJobSectionToTheEnd() throws Exception {
    Path md = dir.resolve("benchmarks.md");
    assertEquals("", Harness.keptSection(md));
    Files.writeString(md, "# Benchmarks\n\n## Results\n\nold\n");
    assertEquals("", Harness.keptSection(md));
    Files.writeString(md, "# Benchmarks\n\nold\n\n## Spark job\n\nfigures\n\n### more\n");
    assertEquals("\n## Spark job\n\nfigures\n\n### more\n", Harness.keptSection(md));
  }
}
