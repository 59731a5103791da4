package dev.refrain.normalize;

/**
 * The working arrays of {@link TextNormalizer#tokenize(String, TokenBuffer)}, kept from one call
 * to the next: a thread that tokenizes many articles with one buffer allocates only their words
 * ({@link Tokens}), not a copy of each text and a sink of its words' size. Not thread-safe: one
 * buffer per thread, created by whoever runs the calls and passed to each. Its arrays grow to the
 * longest text it has read.
 */
public final class TokenBuffer {
  private char[] chars;
  private final TokenSink sink;

  /** A buffer with room for a text of {@code length} characters before it grows. */
  public TokenBuffer(int length) {
    chars = new char[Math.max(0, length) + 1];
    sink = new TokenSink(Math.max(16, length / 5));
  }

  /** A buffer for news articles: room for 4,096 characters before it grows. */
  public TokenBuffer() {
    this(4_096);
  }

  /**
   * The text's characters and one more space, which ends the last word, in this buffer's array
   * (which may be longer: its characters after the space are left over from before). The fast
   * path reads no-break spaces as spaces; {@link TextNormalizer} makes them spaces for Lucene in
   * this copy.
   */
  char[] withSpaceAfter(String text) {
    int n = text.length();
    if (chars.length <= n) {
      chars = new char[Math.max(n + 1, 2 * chars.length)];
    }
    text.getChars(0, n, chars, 0);
    chars[n] = ' ';
    return chars;
  }

  /** The sink, emptied. */
  TokenSink emptySink() {
    sink.truncate(0);
    return sink;
  }
}
