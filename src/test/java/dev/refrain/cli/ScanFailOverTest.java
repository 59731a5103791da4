package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --fail-over X}: the scan as a gate, exit 1 when a pair shares more than X. */
class ScanFailOverTest {
  @TempDir Path tmp;

  @Test
  void failsWhenAPairSharesMoreThanTheLimitAndStillWritesTheReports() {
    // The seeds' most shared pair: 003 and 004, 24.6% and 20.8%.
    MainTest.Run r = MainTest.run("scan", "seeds", "--out", tmp.toString(), "--fail-over", "0.2");
    assertEquals(1, r.code(), r.err());
    assertEquals(
        "refrain: 1 pair over --fail-over 0.2; the most shared: 003_1db7f69e6dbc993b and"
            + " 004_e532a696cc3e8e02, 30.2% and 25.5%\n",
        r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("report.json")));
    assertTrue(r.out().contains("5 articles"), r.out());
  }

  @Test
  void countsEveryPairOverTheLimitEitherWay() throws java.io.IOException {
    MainTest.Run r = MainTest.run("scan", "seeds", "--out", tmp.toString(), "--fail-over", "0.05");
    assertEquals(1, r.code(), r.err());
    int over = 0;
    int under = 0;
    for (com.fasterxml.jackson.databind.JsonNode p :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(tmp.resolve("report.json").toFile()).get("pairs")) {
      if (Math.max(p.get("containmentA").asDouble(), p.get("containmentB").asDouble()) > 0.05) {
        over++;
      } else {
        under++;
      }
    }
    assertTrue(over > 1 && under > 0, "the seeds have pairs on both sides: " + over + ", " + under);
    assertTrue(r.err().startsWith("refrain: " + over + " pairs over --fail-over 0.05;"), r.err());
  }

  @Test
  void passesWhenNoPairSharesMore() {
    MainTest.Run r = MainTest.run("scan", "seeds", "--out", tmp.toString(), "--fail-over", "0.31");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  @Test
  void aLimitOutsideZeroToOneIsAUsageError() {
    MainTest.Run r = MainTest.run("scan", "seeds", "--out", tmp.toString(), "--fail-over", "1.5");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--fail-over must be 0 to 1, was 1.5"), r.err());
    assertFalse(Files.exists(tmp.resolve("report.json")));
  }
}
