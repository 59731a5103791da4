package dev.refrain.diff;

/**
 * One step of a word-level diff between two spans of words, with where its words are in each
 * text.
 *
 * <p>Word ranges are 0-based, end-exclusive indexes into each article's words; an {@link
 * Kind#INSERT} has an empty a range at the place the words would go, a {@link Kind#DELETE} an
 * empty b range. Character ranges are 0-based, end-exclusive UTF-16 offsets into each text, from
 * the first word's start to the last word's end; an empty side is the point where its words
 * would be (right after the word before, inside the passage), so a report needs only the texts,
 * not the words, to show the edit.
 */
public record Edit(
    Kind kind,
    int aFromWord,
    int aToWord,
    int bFromWord,
    int bToWord,
    int aStart,
    int aEnd,
    int bStart,
    int bEnd) implements java.io.Serializable {

  /** An edit whose character ranges are not known (-1), for callers that only count words. */
  public Edit(Kind kind, int aFromWord, int aToWord, int bFromWord, int bToWord) {
    this(kind, aFromWord, aToWord, bFromWord, bToWord, -1, -1, -1, -1);
  }

  /** The same edit without its character ranges: what two diffs of one text agree on. */
  public Edit words() {
    return new Edit(kind, aFromWord, aToWord, bFromWord, bToWord);
  }

  /** What happened to the words. */
  public enum Kind {
    EQUAL,
    DELETE,
    INSERT,
    REPLACE
  }
}
