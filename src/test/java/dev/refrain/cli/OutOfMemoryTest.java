package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose input outgrows the heap ends with one line and exit code 6, not a stack trace. */
class OutOfMemoryTest {
  @TempDir Path tmp;

  @Test
  void aHeapTooSmallForTheInputGivesOneLineAndExitCode6() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Random random = new Random(6);
    for (String name : new String[] {"a.txt", "b.txt"}) {
      try (BufferedWriter w = Files.newBufferedWriter(in.resolve(name), StandardCharsets.UTF_8)) {
        for (int i = 0; i < 1_500_000; i++) {
          w.write("w" + random.nextInt(200_000) + (i % 12 == 11 ? ". " : " "));
        }
      }
    }
    Path out = tmp.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "scan", in.toString(), "--out", out.toString(),
                "--progress", "never")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
    assertEquals(6, p.exitValue(), output);
    assertTrue(output.startsWith("refrain: out of memory: the Java heap ("), output);
    assertEquals(1, output.strip().lines().count(), output);
    assertFalse(output.contains("Exception"), output);
    assertFalse(Files.exists(out.resolve("report.json")), "no partial report");
  }

  @Test
  void theLineSuggestsMoreHeapThanThereWas() {
    assertTrue(Main.outOfMemory(64L << 20).contains("(64 MiB)"));
    assertTrue(Main.outOfMemory(64L << 20).contains("-Xmx1g"));
    assertTrue(Main.outOfMemory(6L << 30).contains("-Xmx13g"));
  }
}
