package dev.refrain.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The fingerprint keys of one shard (the keys {@link #of} sends to it) with their holders, as
 * primitive columns: {@code entries} holds {@code key | number} for each holding (a key's bits
 * and an article's number do not overlap: {@code FingerprintTable.keyBits}), so sorted they run
 * key by key, each key's holders in number order; {@code numbers} (sorted) are the holders,
 * beside their id keys and, when the pair filter reads them, their source keys and days.
 *
 * <p>The candidate stage's shuffle moves one of these from each article partition to each shard,
 * and merges a shard's into one: a few records of arrays, where one record a holding (a boxed key
 * and a holder object, some 240 an article) spent the stage in serializing, sorting and
 * collecting small objects.
 */
record KeyShard(long[] entries, int[] numbers, long[] idKeys, long[] sources, int[] days)
    implements Serializable {

  /**
   * The shard of {@code key} among {@code shards}: from the high bits of a multiplicative hash
   * (a key's low bits are zero, the article bits cleared).
   */
  static int of(long key, int shards) {
    return (int) (((key * 0x9E3779B97F4A7C15L) >>> 32) % shards);
  }

  /** Receives one key's holders, {@code holders[0..count)} sorted (the array is reused). */
  @FunctionalInterface
  interface KeySink {
    void key(long key, int[] holders, int count);
  }

  /**
   * Gives {@code sink} each key of the shard with its holders, in entry order; {@code keyBits}
   * the key's bits of an entry ({@code FingerprintTable.keyBits}), the rest the holder's number.
   */
  void forEachKey(long keyBits, KeySink sink) {
    int[] holders = new int[16];
    int i = 0;
    while (i < entries.length) {
      long key = entries[i] & keyBits;
      int j = i;
      while (j < entries.length && (entries[j] & keyBits) == key) {
        j++;
      }
      if (j - i > holders.length) {
        holders = new int[Math.max(j - i, holders.length * 2)];
      }
      for (int x = i; x < j; x++) {
        holders[x - i] = (int) (entries[x] & ~keyBits);
      }
      sink.key(key, holders, j - i);
      i = j;
    }
  }

  /** Where holder {@code number} is in {@link #numbers}. */
  private int at(int number) {
    int x = Arrays.binarySearch(numbers, number);
    if (x < 0) {
      throw new IllegalArgumentException("article " + number + " holds no key of this shard");
    }
    return x;
  }

  /** The {@linkplain dev.refrain.lsh.CandidatePairs#idKey id key} of holder {@code number}. */
  long idKey(int number) {
    return idKeys[at(number)];
  }

  /** Whether {@code filter} keeps the pair of holders {@code a} and {@code b}. */
  boolean keeps(PairFilter filter, int a, int b) {
    if (!filter.active()) {
      return true;
    }
    int x = at(a);
    int y = at(b);
    return filter.keeps(sources[x], days[x], sources[y], days[y]);
  }

  /**
   * One shard from the pieces the article partitions sent it (each article's holder columns in
   * one piece only, since an article is in one partition): entries and holders sorted.
   */
  static KeyShard merge(Iterator<KeyShard> pieces, boolean withMeta) {
    Builder all = new Builder(withMeta);
    while (pieces.hasNext()) {
      KeyShard p = pieces.next();
      all.entries = grow(all.entries, all.size, p.entries.length);
      System.arraycopy(p.entries, 0, all.entries, all.size, p.entries.length);
      all.size += p.entries.length;
      for (int h = 0; h < p.numbers.length; h++) {
        all.holder(
            p.numbers[h], p.idKeys[h], withMeta ? p.sources[h] : 0, withMeta ? p.days[h] : 0);
      }
    }
    KeyShard built = all.build();
    Arrays.sort(built.entries);
    long[] order = new long[built.numbers.length];
    for (int h = 0; h < order.length; h++) {
      order[h] = (long) built.numbers[h] << 32 | h;
    }
    Arrays.sort(order);
    int[] numbers = new int[order.length];
    long[] idKeys = new long[order.length];
    long[] sources = withMeta ? new long[order.length] : null;
    int[] days = withMeta ? new int[order.length] : null;
    for (int h = 0; h < order.length; h++) {
      int from = (int) order[h];
      numbers[h] = built.numbers[from];
      idKeys[h] = built.idKeys[from];
      if (withMeta) {
        sources[h] = built.sources[from];
        days[h] = built.days[from];
      }
    }
    return new KeyShard(built.entries, numbers, idKeys, sources, days);
  }

  private static long[] grow(long[] a, int size, int more) {
    return size + more <= a.length ? a : Arrays.copyOf(a, Math.max(size + more, a.length * 2));
  }

  /**
   * Collects a shard's piece: holdings, and each holder's columns once (its holdings added
   * together, as an article's keys are).
   */
  static final class Builder {
    private final boolean withMeta;
    private long[] entries = new long[64];
    private int size;
    private int[] numbers = new int[8];
    private long[] idKeys = new long[8];
    private long[] sources;
    private int[] days;
    private int holders;

    Builder(boolean withMeta) {
      this.withMeta = withMeta;
      if (withMeta) {
        sources = new long[8];
        days = new int[8];
      }
    }

    /** Article {@code number} holds {@code key} (keys of one article added one after another). */
    void add(long key, int number, long idKey, long source, int day) {
      if (holders == 0 || numbers[holders - 1] != number) {
        holder(number, idKey, source, day);
      }
      entries = grow(entries, size, 1);
      entries[size++] = key | number;
    }

    private void holder(int number, long idKey, long source, int day) {
      if (holders == numbers.length) {
        int grown = holders * 2;
        numbers = Arrays.copyOf(numbers, grown);
        idKeys = Arrays.copyOf(idKeys, grown);
        if (withMeta) {
          sources = Arrays.copyOf(sources, grown);
          days = Arrays.copyOf(days, grown);
        }
      }
      numbers[holders] = number;
      idKeys[holders] = idKey;
      if (withMeta) {
        sources[holders] = source;
        days[holders] = day;
      }
      holders++;
    }

    KeyShard build() {
      return new KeyShard(
          Arrays.copyOf(entries, size),
          Arrays.copyOf(numbers, holders),
          Arrays.copyOf(idKeys, holders),
          withMeta ? Arrays.copyOf(sources, holders) : null,
          withMeta ? Arrays.copyOf(days, holders) : null);
    }
  }
}
