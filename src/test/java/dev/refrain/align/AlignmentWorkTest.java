package dev.refrain.align;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.shingle.Shingler;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aligner's work is bounded by the articles' lengths whatever their text: counted, never
 * timed. Each family of hostile texts is aligned at two lengths. Candidate matches never exceed
 * {@value RepetitiveText#MAX_OCCURRENCES} per word of the shorter article; all work stays under
 * {@value #WORK_PER_WORD} steps per word; and for texts whose structure does not change with
 * their length, the work per word does not grow with it (quadratic work would double it).
 *
 * <p>Text of a few words in random order is the costliest: every shingle recurs, so every
 * position seeds a short chain that grows over short runs. Its work per word grows with the
 * number of times each shingle recurs until that passes {@value RepetitiveText#MAX_OCCURRENCES}
 * and the text is masked as repetitive; a sweep of 4 to 9 words over 3,000 to 320,000 words
 * peaked at 2,010 steps per word (4 words, 7,000 words each side), the densest family below.
 */
class AlignmentWorkTest {
  static final TextNormalizer NORMALIZER = new TextNormalizer();
  static final Shingler SHINGLER = new Shingler(5);
  static final PassageAligner ALIGNER = new PassageAligner(AlignOptions.DEFAULTS);

  /** Work per word of both articles together that no family may exceed. */
  static final long WORK_PER_WORD = 4_000;

  static AlignedText prepare(String text) {
    Tokens t = NORMALIZER.tokenize(text);
    return new AlignedText(text, t, SHINGLER.shingles(t), 5);
  }

  static String words(int n, IntFunction<String> word) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(word.apply(i)).append(' ');
    }
    return sb.toString();
  }

  static String random(long seed, int vocabulary, int n) {
    Random r = new Random(seed);
    return words(n, i -> "w" + r.nextInt(vocabulary));
  }

  /**
   * A family: its name and the pair of texts of about {@code n} words each.
   *
   * @param steady whether the texts' structure is the same at any length (not random words from
   *     a fixed vocabulary, whose shingles recur more often in a longer text)
   */
  record Family(String name, boolean steady, IntFunction<String[]> texts) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> families() {
    return Stream.of(
        new Family("one word repeated, against a copy", true, n -> pair(words(n, i -> "buffalo"))),
        new Family("one word repeated, against itself", true, n -> self(words(n, i -> "buffalo"))),
        new Family(
            "one word repeated, against 20 of it",
            true,
            n -> new String[] {words(n, i -> "buffalo"), words(20, i -> "buffalo") + random(1, 1 << 20, 300)}),
        new Family(
            "a paragraph twice, against itself",
            true,
            n -> {
              String p = random(2, 1 << 20, n / 2);
              return self(p + p);
            }),
        new Family(
            "a paragraph 16 times, against a copy",
            true,
            n -> pair(random(3, 1 << 20, n / 16).repeat(16))),
        new Family("eight words in random order, against itself", false, n -> self(random(4, 8, n))),
        new Family(
            "eight words in random order, two articles",
            false,
            n -> new String[] {random(5, 8, n), random(6, 8, n)}),
        new Family(
            "four words in random order, the densest",
            false,
            n -> new String[] {random(5, 4, n * 7 / 20), random(6, 4, n * 7 / 20)}),
        new Family(
            "a copy with every tenth word changed",
            true,
            n -> {
              String a = random(7, 1 << 20, n);
              String[] w = a.split(" ");
              return new String[] {a, words(w.length, i -> i % 10 == 9 ? "x" + i : w[i])};
            }),
        new Family(
            "runs of one word between unique words, against a copy",
            true,
            n -> pair(words(n, i -> i % 10 == 9 ? "u" + i : "buffalo"))))
        .map(Arguments::of);
  }

  static String[] pair(String text) {
    return new String[] {text, text};
  }

  /** A text to align with itself: a single-element array. */
  static String[] self(String text) {
    return new String[] {text};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("families")
  void alignmentWorkIsLinearInTheArticlesLengths(Family family) {
    double perWordBefore = -1;
    for (int n : new int[] {20_000, 40_000}) {
      String[] texts = family.texts().apply(n);
      AlignedText a = prepare(texts[0]);
      AlignedText b = texts.length == 1 ? a : prepare(texts[1]);
      PassageAligner.Work work = new PassageAligner.Work();
      ALIGNER.align(a, new int[0], b, new int[0], work);
      long words = a.tokens().size() + (a == b ? 0 : b.tokens().size());
      long shorter = Math.min(a.tokens().size(), b.tokens().size());
      assertTrue(
          work.matchesExamined() <= (long) RepetitiveText.MAX_OCCURRENCES * shorter,
          family + ": " + work.matchesExamined() + " candidate matches for " + shorter + " words");
      assertTrue(
          work.total() <= WORK_PER_WORD * words,
          family + " at " + n + " words: " + work.total() + " steps for " + words + " words");
      double perWord = (double) work.total() / words;
      if (family.steady() && perWordBefore >= 0) {
        assertTrue(
            perWord <= 1.25 * perWordBefore + 1,
            family + ": " + perWord + " steps per word at " + n + " words, " + perWordBefore
                + " at half as many");
      }
      perWordBefore = perWord;
    }
  }
}
