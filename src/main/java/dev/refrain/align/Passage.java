package dev.refrain.align;

/**
 * A passage two articles share: a span of words in each, aligned.
 *
 * <p>Word indexes are 0-based, end-exclusive positions in each article's {@code Tokens}; char
 * offsets are 0-based, end-exclusive UTF-16 offsets into each article's text, from the first
 * word's start to the last word's end.
 *
 * @param similarity share of the passage's words matched on the other side: {@code 2 * matched /
 *     (wordsA + wordsB)}, in [0, 1]
 * @param matchedWords words aligned one to one between the two sides
 */
public record Passage(
    int aFromWord,
    int aToWord,
    int bFromWord,
    int bToWord,
    int aStart,
    int aEnd,
    int bStart,
    int bEnd,
    int matchedWords,
    double similarity) implements java.io.Serializable {

  public int wordsA() {
    return aToWord - aFromWord;
  }

  public int wordsB() {
    return bToWord - bFromWord;
  }

  /** True when both sides have the same words after normalization. */
  public boolean verbatim() {
    return matchedWords == wordsA() && matchedWords == wordsB();
  }
}
