package dev.refrain.kernel;

import dev.refrain.align.RepetitiveText;
import dev.refrain.document.LoadProblem;
import dev.refrain.normalize.Tokens;
import java.util.Locale;

/**
 * The warning an article gets when it repeats text so often that it is compared on its other
 * words only ({@link RepetitiveText}): one line naming the article, how much of it is such text
 * and an example, so that an article that can share nothing is never passed over in silence.
 *
 * <p>{@code article 2024/x: 300,000 words, 100% in text it repeats more than 16 times
 * ("buffalo buffalo buffalo buffalo buffalo", 299,996 times): compared on its other words only}
 */
public final class RepetitionWarning {
  /** The most characters of the example quoted. */
  static final int EXAMPLE_CHARS = 60;

  private RepetitionWarning() {}

  /** The warning for a prepared article, or null when it repeats nothing that often. */
  public static LoadProblem of(PreparedArticle p) {
    RepetitiveText r = p.repetitive();
    if (r.isEmpty()) {
      return null;
    }
    Tokens t = p.tokens();
    int words = t.size();
    String text = p.article().text();
    String example =
        text.substring(t.start(r.example()), t.end(r.exampleEnd() - 1)).replaceAll("\\s+", " ");
    if (example.length() > EXAMPLE_CHARS) {
      int cut = EXAMPLE_CHARS;
      if (Character.isHighSurrogate(example.charAt(cut - 1))) {
        cut--;
      }
      example = example.substring(0, cut) + "...";
    }
    return LoadProblem.warning(
        p.article().path(),
        String.format(
            Locale.ROOT,
            "article %s: %,d words, %s in text it repeats more than %d times (\"%s\", %,d times):"
                + " compared on its other words only",
            p.article().id(), words, share(r.words(), words), RepetitiveText.MAX_OCCURRENCES,
            example, r.exampleCount()));
  }

  /** {@code part} of {@code whole} as a percentage rounded down to 0.1, e.g. {@code "99.9%"}. */
  static String share(int part, int whole) {
    long tenths = 1000L * part / whole;
    return tenths % 10 == 0
        ? (tenths / 10) + "%"
        : String.format(Locale.ROOT, "%d.%d%%", tenths / 10, tenths % 10);
  }
}
