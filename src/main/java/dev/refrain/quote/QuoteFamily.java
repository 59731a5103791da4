package dev.refrain.quote;

import dev.refrain.diff.Edit;
import java.io.Serializable;
import java.util.List;

/**
 * One quotation as the articles rendered it: verbatim, trimmed or reworded, attributed to its
 * speaker, to someone else or to no one.
 *
 * @param speaker the speaker most renderings name, as named across the articles (a person's
 *     fullest name: "Daniel Kritenbrink"; an organisation: "State Department"), or null when no
 *     rendering names one
 * @param speakerType the speaker's kind, null with no speaker
 * @param canonical index into {@code members} of the rendering the others are diffed against
 * @param members the renderings, by article number then offset
 */
public record QuoteFamily(
    String speaker, Speaker.Type speakerType, int canonical, List<Member> members)
    implements Serializable {

  public QuoteFamily {
    members = List.copyOf(members);
    if (canonical < 0 || canonical >= members.size()) {
      throw new IllegalArgumentException("canonical " + canonical + " is not a member");
    }
  }

  /** How a rendering's article attributes the quote, against the family's speaker. */
  public enum Attribution {
    /** It names the family's speaker. */
    SPEAKER,
    /** It names someone else. */
    OTHER,
    /** It describes the speaker without a name ("his Singaporean counterpart"). */
    UNNAMED,
    /** It gives no speaker. */
    NONE
  }

  /**
   * One article's rendering in a family.
   *
   * @param rendering the quote as that article has it
   * @param speaker the speaker it names, as named across the articles, or null
   * @param attribution how it attributes the quote
   * @param similarity its IDF-weighted word overlap with the canonical rendering, in [0, 1]
   *     (1 for the canonical one)
   * @param diff word edits from the canonical rendering (side a) to this one (side b), with
   *     offsets into each article's text; empty for the canonical one
   */
  public record Member(
      Rendering rendering, String speaker, Attribution attribution, double similarity, List<Edit> diff)
      implements Serializable {
    public Member {
      diff = List.copyOf(diff);
    }
  }

  /** Distinct articles of the family. */
  public int articleCount() {
    int n = 0;
    int last = Integer.MIN_VALUE;
    for (Member m : members) {
      if (m.rendering().article() != last) {
        n++;
        last = m.rendering().article();
      }
    }
    return n;
  }
}
