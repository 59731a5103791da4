package dev.refrain.bench.corpus;

/**
 * SplitMix64: a small, fast, seedable generator whose output is fixed by its seed on every JVM
 * (unlike {@code java.util.Random}'s subclasses, nothing here may change between releases). The
 * generator's determinism for a seed rests on this class.
 */
public final class Rng {
  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A generator for stream {@code stream} of seed {@code seed}, independent of the others. */
  public static Rng of(long seed, long stream) {
    return new Rng(mix(seed ^ mix(stream + 0x632BE59BD9B4E019L)));
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    return mix(z);
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    // Lemire's multiply-shift: unbiased enough for a corpus generator (bias < 2^-32).
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [lo, hi], both included. */
  public int between(int lo, int hi) {
    return lo + nextInt(hi - lo + 1);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** The SplitMix64 / MurmurHash3 finalizer. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
