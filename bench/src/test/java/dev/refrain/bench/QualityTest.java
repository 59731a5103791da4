package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.bench.pairs.PairCounter;
import dev.refrain.bench.pairs.Pairs;
import dev.refrain.bench.run.Quality;
import dev.refrain.bench.run.Stats;
import dev.refrain.bench.run.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityTest {
  @TempDir Path tmp;

  @Test
  void recallAndPrecisionOnAToyTruth() throws Exception {
    Path file = tmp.resolve("truth.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"a\":\"g0\",\"b\":\"g1\",\"kind\":\"reuse\",\"aStart\":0,\"aEnd\":5,\"bStart\":0,\"bEnd\":5,\"edit\":0}",
        "{\"a\":\"g0\",\"b\":\"g1\",\"kind\":\"reuse\",\"aStart\":9,\"aEnd\":15,\"bStart\":9,\"bEnd\":15,\"edit\":0}",
        "{\"a\":\"g2\",\"b\":\"g3\",\"kind\":\"reprint\",\"aStart\":0,\"aEnd\":5,\"bStart\":0,\"bEnd\":5,\"edit\":0}",
        "{\"a\":\"g2\",\"b\":\"g4\",\"kind\":\"reprint\",\"aStart\":0,\"aEnd\":5,\"bStart\":0,\"bEnd\":5,\"edit\":0}",
        "{\"a\":\"g3\",\"b\":\"g4\",\"kind\":\"co-reprint\",\"aStart\":0,\"aEnd\":5,\"bStart\":0,\"bEnd\":5,\"edit\":0}") + "\n");
    Truth truth = Truth.read(file, id -> Integer.parseInt(id.substring(1)));
    assertEquals(4, truth.all.size(), "two spans of one pair are one pair");
    assertEquals(5, truth.spans);
    // found: two true pairs (0,1) and (2,3), one false (1,2)
    long[] found = {Pairs.key(0, 1), Pairs.key(1, 2), Pairs.key(2, 3)};
    java.util.Arrays.sort(found);
    Quality q = Quality.of(found, truth);
    assertEquals(2, q.truePositives());
    assertEquals(0.5, q.recall(), 1e-12);
    assertEquals(2.0 / 3, q.precision(), 1e-12);
    assertEquals(1.0, q.recallByKind().get("reuse"));
    assertEquals(0.5, q.recallByKind().get("reprint"));
    assertEquals(0.0, q.recallByKind().get("co-reprint"));
    assertTrue(Double.isNaN(q.recallByKind().get("co-reuse")), "no true pair of that kind");
    assertTrue(Double.isNaN(Quality.of(new long[0], truth).precision()), "nothing found: precision undefined");
  }

  @Test
  void pairCounterMergesChunks() {
    PairCounter c = new PairCounter(4); // chunks of 4 emissions force several merges
    long[] emitted = {Pairs.key(1, 2), Pairs.key(3, 4), Pairs.key(1, 2), Pairs.key(0, 9), Pairs.key(3, 4),
        Pairs.key(1, 2), Pairs.key(5, 6), Pairs.key(2, 1), Pairs.key(0, 9)};
    for (long k : emitted) {
      c.add(k);
    }
    Pairs p = c.result();
    assertEquals(4, p.size());
    assertEquals(List.of(Pairs.key(0, 9), Pairs.key(1, 2), Pairs.key(3, 4), Pairs.key(5, 6)),
        java.util.Arrays.stream(p.keys).boxed().toList());
    assertEquals(List.of(2, 4, 2, 1), java.util.Arrays.stream(p.counts).boxed().toList());
    assertEquals(3, p.atLeast(2).size(), "pairs emitted at least twice");
  }

  @Test
  void medianAndScalingExponent() {
    assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
    // time = c * n^1.5
    double[] n = {1e4, 1e5, 1e6};
    double[] t = {2 * Math.pow(1e4, 1.5), 2 * Math.pow(1e5, 1.5), 2 * Math.pow(1e6, 1.5)};
    assertEquals(1.5, Stats.logLogSlope(n, t), 1e-9);
    assertTrue(Double.isNaN(Stats.logLogSlope(new double[] {10}, new double[] {1})));
  }
}
