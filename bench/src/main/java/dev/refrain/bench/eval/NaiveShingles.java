package dev.refrain.bench.eval;

import dev.refrain.normalize.TextNormalizer;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * The naive baseline the figures are compared with: containment of one text's word shingles in
 * another's, {@code |S(a) ∩ S(b)| / |S(a)|}, on refrain's normalized words, without alignment.
 */
final class NaiveShingles {
  private final TextNormalizer normalizer = new TextNormalizer();
  private final int size;

  NaiveShingles(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("shingle size must be >= 1, was " + size);
    }
    this.size = size;
  }

  /** Share of {@code a}'s distinct shingles that occur in {@code b}; 0 if a has none. */
  double containment(String a, String b) {
    Set<String> sa = shingles(normalizer.words(a));
    Set<String> sb = shingles(normalizer.words(b));
    if (sa.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String s : sa) {
      if (sb.contains(s)) {
        shared++;
      }
    }
    return (double) shared / sa.size();
  }

  private Set<String> shingles(List<String> t) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + size <= t.size(); i++) {
      StringBuilder s = new StringBuilder();
      for (int j = i; j < i + size; j++) {
        s.append(t.get(j)).append(' ');
      }
      out.add(s.toString());
    }
    return out;
  }
}
