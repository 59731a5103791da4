package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.refrain.bench.run.StageTimings;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTimingsTest {
  @Test
  void readsEveryStageTheTotalAndThePeakHeap() {
    StageTimings t =
        StageTimings.parse(
            "refrain: timings: load and prepare 6.60 s, templates 5.34 s, candidates 0.51 s, align"
                + " 12.92 s, clusters 2.33 s, report 4.07 s; total 31.78 s; peak heap 3189 MiB");
    assertEquals(
        List.of("load and prepare", "templates", "candidates", "align", "clusters", "report", "total"),
        List.copyOf(t.seconds().keySet()));
    assertEquals(6.60, t.seconds().get("load and prepare"));
    assertEquals(31.78, t.seconds().get("total"));
    assertEquals(3189, t.peakHeapMiB());
  }

  @Test
  void aLineWithoutThePeakHeapStillGivesItsStages() {
    StageTimings t = StageTimings.parse("refrain: timings: load and prepare 1.00 s; total 1.00 s");
    assertEquals(-1, t.peakHeapMiB());
    assertEquals(1.0, t.seconds().get("total"));
  }

  @Test
  void anyOtherLineIsNoTimings() {
    assertNull(StageTimings.parse("refrain: out of memory: the Java heap (8192 MiB) is too small"));
    assertNull(StageTimings.parse("refrain: timings: "));
  }
}
