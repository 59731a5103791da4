package dev.refrain.normalize;

/**
 * Seeded, specified 64-bit hashing of words and shingles.
 *
 * <p>Words are hashed with 64-bit FNV-1a over their UTF-16 code units followed by the MurmurHash3
 * {@code fmix64} finalizer, so every output bit depends on every input bit. The functions are
 * fixed: changing them changes every stored index, so tests pin their values. Never
 * {@link String#hashCode()}, whose 32 bits collide after about 77,000 distinct shingles (birthday
 * bound); with 64 bits a collision among 10^9 shingles has probability about 3 * 10^-2, and every
 * match is verified word by word before it reaches a report.
 */
public final class Hash64 {
  /** The seed of word and shingle hashes unless another is chosen; recorded with every index. */
  public static final long DEFAULT_SEED = 0x5eed_5eed_2023_0618L;

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hash64() {}

  /** MurmurHash3's 64-bit finalizer: a bijective mix of all 64 bits. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Hashes a word's characters with a seed. */
  public static long hash(CharSequence s, long seed) {
    long h = FNV_OFFSET ^ seed;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h ^ s.length());
  }

  /**
   * {@link #hash(CharSequence, long)} of the {@code length} characters of {@code chars} from
   * {@code offset}, without making a string: the same value for the same characters.
   */
  public static long hash(char[] chars, int offset, int length, long seed) {
    long h = begin(seed);
    for (int i = offset, end = offset + length; i < end; i++) {
      h = step(h, chars[i]);
    }
    return finish(h, length);
  }

  /**
   * The state of a word's hash before its first character: with {@link #step} per character and
   * {@link #finish}, the same value as {@link #hash(CharSequence, long)} for a word read one
   * character at a time, as the tokenizer's fast path reads it, with no buffer.
   */
  static long begin(long seed) {
    return FNV_OFFSET ^ seed;
  }

  /** The state after one more character {@code c}: one FNV-1a round. */
  static long step(long state, char c) {
    return (state ^ c) * FNV_PRIME;
  }

  /** The hash of a word of {@code length} characters whose characters led to {@code state}. */
  static long finish(long state, int length) {
    return mix(state ^ length);
  }
}
