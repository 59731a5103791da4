package dev.refrain.quote;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who an article says spoke a quote.
 *
 * @param name the speaker as resolved inside the article: a person's name without title
 *     ({@code "Daniel Kritenbrink"}, {@code "Kritenbrink"} when the article gives no more), an
 *     office or organisation without article and country ({@code "State Department"}), or for
 *     {@link Type#DESCRIPTION} the description ({@code "Singaporean counterpart"})
 * @param type what kind of speaker
 * @param start 0-based, end-exclusive UTF-16 offsets of the mention the attribution rests on (a
 *     pronoun for "he said", the name for "said Kritenbrink")
 * @param end see {@code start}
 */
public record Speaker(String name, Type type, int start, int end) implements Serializable {

  /** What kind of speaker a mention names. */
  public enum Type {
    /** A named person. */
    PERSON,
    /** An office, organisation, government or place speaking as one ("the State Department"). */
    ORGANISATION,
    /** Someone described, not named, in this article ("his Singaporean counterpart"). */
    DESCRIPTION
  }

  public Speaker {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("speaker mention " + start + ".." + end + " is not a range");
    }
  }

  /** Whether the article names the speaker (a person or an organisation), not only describes. */
  public boolean named() {
    return type != Type.DESCRIPTION;
  }
}
