package dev.refrain.quote;

import java.io.Serializable;
import java.util.Objects;

/**
 * One quotation in an article.
 *
 * @param start 0-based, end-exclusive UTF-16 offset of the quoted words in the article's text
 *     (inside the quotation marks; trailing commas and spaces left out)
 * @param end see {@code start}
 * @param kind how the article quotes
 * @param speaker who the article says spoke it, or null when it names no one with a speech verb
 */
public record Quote(int start, int end, Kind kind, Speaker speaker) implements Serializable {

  /** How an article quotes. */
  public enum Kind {
    /** Inside quotation marks. */
    MARKED,
    /** Reported speech: the words after a speech verb ("said that ..."), no marks. */
    REPORTED
  }

  public Quote {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("quote " + start + ".." + end + " is not a range");
    }
  }

  /** The quote with another speaker. */
  public Quote withSpeaker(Speaker s) {
    return new Quote(start, end, kind, s);
  }
}
