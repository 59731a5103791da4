package dev.refrain.bench.run;

import dev.refrain.bench.pairs.Pairs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pair recall and precision of found pairs against reference pairs: recall = |found and true| /
 * |true|, precision = |found and true| / |found| (NaN when nothing was found).
 */
public record Quality(long found, long reference, long truePositives, double recall, double precision, Map<String, Double> recallByKind) {
  public static Quality of(long[] found, long[] reference) {
    long tp = Pairs.intersection(found, reference);
    return new Quality(found.length, reference.length, tp, ratio(tp, reference.length), ratio(tp, found.length), Map.of());
  }

  public static Quality of(long[] found, Truth truth) {
    Quality q = of(found, truth.all.keys);
    Map<String, Double> byKind = new LinkedHashMap<>();
    for (int k = 0; k < Truth.KINDS.length; k++) {
      byKind.put(Truth.KINDS[k], ratio(Pairs.intersection(found, truth.byKind[k]), truth.byKind[k].length));
    }
    return new Quality(q.found, q.reference, q.truePositives, q.recall, q.precision, byKind);
  }

  static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
