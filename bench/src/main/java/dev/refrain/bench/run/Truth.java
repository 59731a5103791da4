package dev.refrain.bench.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.refrain.bench.pairs.Pairs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * The ground truth of a generated corpus ({@code truth.jsonl}) as pair sets: all true pairs, and
 * the pairs of each kind (a pair planted in several ways gets the first of reprint, co-reprint,
 * reuse, co-reuse).
 */
public final class Truth {
  public static final String[] KINDS = {"reprint", "co-reprint", "reuse", "co-reuse"};

  public final Pairs all;
  public final long[][] byKind;
  public final long spans;

  private Truth(Pairs all, long[][] byKind, long spans) {
    this.all = all;
    this.byKind = byKind;
    this.spans = spans;
  }

  public static Truth read(Path file, ToIntFunction<String> index) throws IOException {
    long[] keys = new long[1024];
    byte[] kinds = new byte[1024];
    int n = 0;
    try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String a = null;
        String b = null;
        String kind = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "a" -> a = p.getText();
            case "b" -> b = p.getText();
            case "kind" -> kind = p.getText();
            default -> p.skipChildren();
          }
        }
        if (n == keys.length) {
          keys = Arrays.copyOf(keys, n * 2);
          kinds = Arrays.copyOf(kinds, n * 2);
        }
        keys[n] = Pairs.key(index.applyAsInt(a), index.applyAsInt(b));
        kinds[n] = (byte) Arrays.asList(KINDS).indexOf(kind);
        n++;
      }
    }
    // sort by key then kind priority, keep the first of each key
    final long[] k = keys;
    final byte[] kd = kinds;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> k[x] != k[y] ? Long.compare(k[x], k[y]) : Byte.compare(kd[x], kd[y]));
    long[] distinct = new long[n];
    byte[] distinctKind = new byte[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long key = k[order[i]];
      if (m == 0 || distinct[m - 1] != key) {
        distinct[m] = key;
        distinctKind[m] = kd[order[i]];
        m++;
      }
    }
    long[][] byKind = new long[KINDS.length][];
    for (int c = 0; c < KINDS.length; c++) {
      int count = 0;
      for (int i = 0; i < m; i++) {
        if (distinctKind[i] == c) {
          count++;
        }
      }
      long[] arr = new long[count];
      int j = 0;
      for (int i = 0; i < m; i++) {
        if (distinctKind[i] == c) {
          arr[j++] = distinct[i];
        }
      }
      byKind[c] = arr;
    }
    long[] all = Arrays.copyOf(distinct, m);
    int[] ones = new int[m];
    Arrays.fill(ones, 1);
    return new Truth(new Pairs(all, ones), byKind, n);
  }
}
