package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.refrain.document.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link TextNormalizer#tokenize} gives exactly the words of the Lucene chain alone ({@link
 * TextNormalizer#tokenizeWithLucene}): the same hashes, offsets and count. Checked on every text
 * of TextNormalizerTest and TokensTest (their tokenize helper calls {@link #assertSameAsLucene}),
 * the seeds, the Reuters-21578 stories when {@code ../shared/corpora} holds them, every short
 * string of characters chosen to meet each rule, and seeded random strings; {@code
 * TextNormalizerFuzzTest} fuzzes it.
 */
class TokenizerEquivalenceTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();
  private static final Path REUTERS = Path.of("..", "shared", "corpora", "reuters21578");

  /** {@code n.tokenize(text)}, failing with the first word where it differs from Lucene's. */
  static Tokens assertSameAsLucene(TextNormalizer n, String text) {
    Tokens fast = n.tokenize(text);
    Tokens lucene = n.tokenizeWithLucene(text);
    if (!fast.equals(lucene)) {
      fail(difference(text, fast, lucene));
    }
    return fast;
  }

  /** Where two tokenizations of {@code text} first differ, with the words there. */
  static String difference(String text, Tokens fast, Tokens lucene) {
    int i = 0;
    while (i < fast.size() && i < lucene.size()
        && fast.hash(i) == lucene.hash(i)
        && fast.start(i) == lucene.start(i)
        && fast.end(i) == lucene.end(i)) {
      i++;
    }
    int at = i < fast.size() ? fast.start(i) : i < lucene.size() ? lucene.start(i) : text.length();
    int from = Math.max(0, at - 60);
    int to = Math.min(text.length(), at + 60);
    return "tokenize and Lucene differ at word " + i + ": " + word(text, fast, i) + " against "
        + word(text, lucene, i) + " (" + fast.size() + " and " + lucene.size() + " words), in \""
        + escaped(text.substring(from, to)) + "\" (from " + from + " of " + text.length() + ")";
  }

  private static String word(String text, Tokens t, int i) {
    if (i >= t.size()) {
      return "no word";
    }
    String surface = escaped(text.substring(t.start(i), t.end(i)));
    return "[" + t.start(i) + ", " + t.end(i) + ") \"" + surface + "\" #"
        + Long.toHexString(t.hash(i));
  }

  /** The text with characters outside printable ASCII as {@code \\uXXXX}. */
  static String escaped(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        sb.append(c);
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  static List<String> seeds() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      List<String> texts = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      }
      return texts;
    }
  }

  @Test
  void theSeedsTokenizeAsLuceneAloneDoes() throws IOException {
    List<String> seeds = seeds();
    assertTrue(seeds.size() >= 5, "seeds/*.txt");
    for (String seed : seeds) {
      assertSameAsLucene(NORMALIZER, seed);
      assertSameAsLucene(NORMALIZER, seed.replace("\n", "\r\n"));
      assertSameAsLucene(NORMALIZER, seed.toUpperCase(Locale.ROOT));
      assertSameAsLucene(NORMALIZER, seed.replace(' ', '\u00A0'));
      assertSameAsLucene(NORMALIZER, seed.replace(". ", ".\u202F").replace("’", "\u2019\u0301"));
      assertSameAsLucene(new TextNormalizer(42), seed);
    }
  }

  @Test
  void theSeedsGoToLuceneOnlyForTheirCopyrightSign() throws IOException {
    int chars = 0;
    int readByLucene = 0;
    for (String seed : seeds()) {
      chars += seed.length();
      readByLucene += NORMALIZER.charactersReadByLucene(seed);
    }
    // One chunk, "©", is an emoji to Lucene: the other 20,167 characters are read by the fast path.
    assertEquals(1, readByLucene, "of " + chars + " characters");
  }

  @Test
  void theReutersStoriesTokenizeAsLuceneAloneDoesAllOnTheFastPath() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(REUTERS), "skipped: no Reuters-21578 in " + REUTERS.toAbsolutePath());
    List<Article> stories = ReutersStories.read(REUTERS);
    assertTrue(stories.size() > 19_000, stories.size() + " stories");
    List<String> differ = new ArrayList<>();
    long chars = 0;
    long readByLucene = 0;
    for (Article story : stories) {
      Tokens fast = NORMALIZER.tokenize(story.text());
      Tokens lucene = NORMALIZER.tokenizeWithLucene(story.text());
      if (!fast.equals(lucene)) {
        differ.add(story.id() + ": " + difference(story.text(), fast, lucene));
      }
      chars += story.text().length();
      readByLucene += NORMALIZER.charactersReadByLucene(story.text());
    }
    assertEquals(
        List.of(), differ.subList(0, Math.min(3, differ.size())), differ.size() + " differ");
    // Newswire of 1987 in Latin-1: 15,889,798 characters, every one read by the fast path.
    assertEquals(0, readByLucene, "of " + chars + " characters");
  }

  /** One character of each kind the rules tell apart, plain or not. */
  private static final String[] KINDS = {
    "a", "Z", "é", "1", "_", ".", ":", ",", "'", "’", "\"", " ", "\n", "-", "\u0301", "\u200D",
    "\u202F", "\uD83D", "\uDE00", "北", "©"
  };

  @Test
  void everyStringOfUpToFourCharactersOfEveryKindTokenizesAsLuceneAloneDoes() {
    // 21^4 + 21^3 + 21^2 + 21 + 1 = 204,205 strings.
    int[] digits = new int[4];
    int count = 0;
    for (int length = 0; length <= 4; length++) {
      java.util.Arrays.fill(digits, 0);
      while (true) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++) {
          sb.append(KINDS[digits[k]]);
        }
        assertSameAsLucene(NORMALIZER, sb.toString());
        count++;
        int k = 0;
        while (k < length && ++digits[k] == KINDS.length) {
          digits[k++] = 0;
        }
        if (k == length) {
          break;
        }
      }
    }
    assertEquals(204_205, count);
  }

  /**
   * Characters random strings are drawn from: ASCII letters, digits, all punctuation and white
   * space; Latin-1; typographic quotes, dashes and no-break spaces; combining marks, ZWJ and
   * other format characters; emoji (with modifiers, keycaps, flags, tags), lone surrogates; CJK,
   * kana, Hangul, Thai, Arabic (tatweel, Arabic-Indic digits), Hebrew (with its quotes), Greek,
   * Cyrillic, Turkish I, ligatures and full-width forms.
   */
  static final String[] RICH = richAlphabet();

  private static String[] richAlphabet() {
    List<String> units = new ArrayList<>();
    for (char c = 0; c < 0x100; c++) {
      units.add(String.valueOf(c));
    }
    String others =
        "‘’‚‛“”„‟‐‑‒–—―…•‹›€′″−\u2007\u202F\u2028\u2029\u3000\u200B\u200C\u200D\u2060\uFEFF"
            + "\u0301\u0308\u0327\u20E3\uFE0E\uFE0F\u0640\u064B\u05B4"
            + "北京美国。、のカーア한국ไทยبالعربيةأ٢٠٣\u066Bאבג\u05F3\u05F4ΣςΩΑΒЖжİıﬁﬂＡ１２"
            + "\u0660\u06F1\u0967\uFF10\u00B2\u2126\u212A\u3031\u309D";
    for (char c : others.toCharArray()) {
      units.add(String.valueOf(c));
    }
    units.addAll(
        List.of(
            "\uD83D\uDE00", // grinning face
            "\uD83D\uDC4D\uD83C\uDFFD", // thumbs up, medium skin tone
            "\uD83D\uDC68\u200D\uD83D\uDC69", // man ZWJ woman
            "\uD83C\uDDEB\uD83C\uDDF7", // flag: France
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC7F", // black flag, tags
            "\u2764\uFE0F", // heart, emoji presentation
            "1\uFE0F\u20E3", // keycap 1
            "#\u20E3",
            "\uD800", // lone high surrogate
            "\uDC00", // lone low surrogate
            "\uD840\uDC00", // CJK extension B
            "\uD835\uDC00")); // mathematical bold A
    return units.toArray(String[]::new);
  }

  /** A random string of about {@code length} characters, mostly letters and spaces. */
  static String randomText(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      double p = random.nextDouble();
      if (p < 0.4) {
        sb.append("aeinorstlAEZ".charAt(random.nextInt(12)));
      } else if (p < 0.5) {
        sb.append((char) ('0' + random.nextInt(10)));
      } else if (p < 0.6) {
        sb.append(" .,'’\n".charAt(random.nextInt(6)));
      } else {
        sb.append(RICH[random.nextInt(RICH.length)]);
      }
    }
    return sb.toString();
  }

  @Test
  void randomStringsFromARichAlphabetTokenizeAsLuceneAloneDoes() {
    SplittableRandom random = new SplittableRandom(20_261_201);
    for (int i = 0; i < 300_000; i++) {
      assertSameAsLucene(NORMALIZER, randomText(random, random.nextInt(40)));
    }
  }

  /** Word characters and what joins them, in runs long enough to reach the 255 limit. */
  private static final String[] LONG_WORDS = {
    "aaaaaaaaZ1111_'.:,; ", "aé1_.'’:,;- \u2014", "a1_.' \n\u202F\u00A0\uD83D\u0301", "ab _",
  };

  @Test
  void randomTextsOfLongWordsTokenizeAsLuceneAloneDoes() {
    SplittableRandom random = new SplittableRandom(255);
    for (int i = 0; i < 20_000; i++) {
      String alphabet = LONG_WORDS[i % LONG_WORDS.length];
      int length = random.nextInt(1200);
      StringBuilder sb = new StringBuilder();
      while (sb.length() < length) {
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        int run = random.nextInt(10) == 0 ? random.nextInt(300) : 1;
        for (int k = 0; k < run; k++) {
          sb.append(c);
        }
      }
      if (i % 7 == 0) {
        sb.append(RICH[random.nextInt(RICH.length)]); // sometimes a lone surrogate at the end
      }
      assertSameAsLucene(NORMALIZER, sb.toString());
    }
  }

  @Test
  void aTextEndingWithAHighSurrogateTokenizesAsLuceneAloneDoes() {
    // Lucene drops the words of its last read when that read ends with a high surrogate.
    assertEquals(0, NORMALIZER.tokenizeWithLucene("9 \uD800").size());
    assertEquals(0, assertSameAsLucene(NORMALIZER, "9 \uD800").size());
    assertEquals(1, assertSameAsLucene(NORMALIZER, "9 \uDC00").size());
    String longer = "word ".repeat(100) + "\uD83D";
    assertSameAsLucene(NORMALIZER, longer);
    assertSameAsLucene(NORMALIZER, "x\uD83D  y" + longer);
  }
}
