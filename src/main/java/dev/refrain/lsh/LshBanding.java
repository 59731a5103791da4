package dev.refrain.lsh;

import dev.refrain.minhash.MinHashFamily;
import dev.refrain.normalize.Hash64;
import java.io.Serializable;
import java.util.Arrays;

/**
 * LSH band keys of an article's passages: MinHash over sliding windows of shingles, cut into
 * bands.
 *
 * <p>Whole-article MinHash misses reuse: a 25-word quote shared by two 800-word articles gives a
 * whole-article Jaccard near 0.02. So every window of {@code window} consecutive shingles (a
 * passage of {@code window + shingleSize - 1} words) gets a signature of {@code bands * rows}
 * MinHash values, and each band of {@code rows} values is hashed into one key. Two articles that
 * share a key are a candidate pair.
 *
 * <ul>
 *   <li>A verbatim run of at least {@code window} shared shingles gives two identical windows, so
 *       the pair shares all {@code bands} keys: it is always a candidate.
 *   <li>Two windows with Jaccard J share a given band's key with probability J^rows, and at
 *       least one of the bands with probability {@code 1 - (1 - J^rows)^bands}.
 * </ul>
 *
 * <p>Consecutive windows mostly have the same minima, so an article of n shingles has about
 * {@code bands * 2n / (window + 1)} distinct keys, not {@code bands * n}. Immutable, serializable.
 */
public final class LshBanding implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int bands;
  private final int rows;
  private final int window;
  private final MinHashFamily family;

  /**
   * @param bands number of bands, 1 to 64
   * @param rows MinHash values per band, 1 to 8
   * @param window shingles per window, 1 to 1000
   * @param seed seed of the MinHash family
   */
  public LshBanding(int bands, int rows, int window, long seed) {
    if (bands < 1 || bands > 64) {
      throw new IllegalArgumentException("bands must be 1 to 64, was " + bands);
    }
    if (rows < 1 || rows > 8) {
      throw new IllegalArgumentException("rows must be 1 to 8, was " + rows);
    }
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("window must be 1 to 1000 shingles, was " + window);
    }
    this.bands = bands;
    this.rows = rows;
    this.window = window;
    this.family = new MinHashFamily(bands * rows, seed);
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  public int window() {
    return window;
  }

  /** The band keys of an article, as described above. */
  public BandKeys keys(long[] shingles) {
    if (shingles.length == 0) {
      return new BandKeys(new long[0], false);
    }
    int windows = MinHashFamily.windows(shingles.length, window);
    int span = Math.min(window, shingles.length);
    long[] keys = new long[16];
    int count = 0;
    boolean repeats = false;
    LongIntMap firstWindow = new LongIntMap(Math.max(16, bands * windows / 4));
    // One band's minima at a time, in buffers reused across bands: (rows + 2) longs per
    // shingle for the whole article, not 4 * bands * rows.
    long[][] minima = new long[rows][windows];
    long[] prefix = new long[shingles.length];
    long[] suffix = new long[shingles.length];
    for (int band = 0; band < bands; band++) {
      for (int r = 0; r < rows; r++) {
        family.windowMinima(band * rows + r, shingles, window, minima[r], prefix, suffix);
      }
      long salt = Hash64.mix(band + 1);
      long previous = 0;
      int first = -1;
      for (int p = 0; p < windows; p++) {
        if (p > 0 && sameMinima(minima, p)) {
          // The same key as the window before: a run longer than a window means a shingle
          // recurs (one shingle alone is the minimum of at most `window` windows).
          repeats |= p - first >= span;
          continue;
        }
        long key = salt;
        for (int r = 0; r < rows; r++) {
          key = Hash64.mix(key ^ minima[r][p]);
        }
        if (p > 0 && key == previous) {
          repeats |= p - first >= span;
          continue;
        }
        previous = key;
        first = firstWindow.putIfAbsent(key, p);
        if (first != p) {
          // The same passage recurs inside the article, at least a window apart.
          repeats |= p - first >= span;
          continue;
        }
        if (count == keys.length) {
          keys = Arrays.copyOf(keys, count * 2);
        }
        keys[count++] = key;
      }
    }
    long[] distinct = Arrays.copyOf(keys, count);
    Arrays.sort(distinct);
    return new BandKeys(distinct, repeats);
  }

  private static boolean sameMinima(long[][] minima, int p) {
    for (long[] m : minima) {
      if (m[p] != m[p - 1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An article's distinct band keys, sorted, and whether some key recurs at two windows that
   * do not overlap (a candidate for a passage repeated inside the article).
   */
  public record BandKeys(long[] keys, boolean repeatsWithin) {}
}
