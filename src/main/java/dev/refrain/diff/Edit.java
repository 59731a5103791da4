package dev.refrain.diff;

/**
 * One step of a word-level diff between two spans of words.
 *
 * <p>Word ranges are 0-based, end-exclusive indexes into each article's words; an {@link
 * Kind#INSERT} has an empty a range at the place the words would go, a {@link Kind#DELETE} an
 * empty b range.
 */
public record Edit(Kind kind, int aFromWord, int aToWord, int bFromWord, int bToWord) {

  /** What happened to the words. */
  public enum Kind {
    EQUAL,
    DELETE,
    INSERT,
    REPLACE
  }
}
