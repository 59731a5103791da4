package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path's word rules are Lucene's: each rule is checked against what Lucene's chain
 * makes of the same text (so a change of Lucene's rules fails here), and the scanner alone must
 * read the text to the same words, hashes and offsets.
 */
class FastWordScannerTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  /** The words the scanner finds in {@code text}, which must be plain: it reads all of it. */
  static Tokens scanned(String text) {
    char[] chars = (text + " ").toCharArray();
    TokenSink sink = new TokenSink(16);
    assertEquals(
        text.length(),
        FastWordScanner.scan(chars, text.length(), 0, NORMALIZER.seed(), sink),
        "the scanner stopped before the end of a plain text");
    return sink.toTokens();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("letters, digits and underscores make one word", "a1_b2 A_1", "a1_b2", "a_1"),
        rule("underscores alone are no word", "_ __ ___"),
        rule("leading and trailing underscores are part of the word", "__a__ _1", "__a__", "_1"),
        rule("a colon joins two letters", "a:b", "a:b"),
        rule("a colon joins no digits", "10:30", "10", "30"),
        rule("a colon joins no letter to a digit", "a:1 1:a", "a", "1", "1", "a"),
        rule("a comma joins two digits", "1,000", "1,000"),
        rule("a semicolon joins two digits", "1;2", "1;2"),
        rule("a comma or semicolon joins no letters", "a,b a;b", "a", "b", "a", "b"),
        rule("a full stop joins letters", "U.S.A.", "u.s.a"),
        rule("a full stop joins digits", "3.5 1.2.3", "3.5", "1.2.3"),
        rule("a full stop joins no letter to a digit", "a.1 1.a", "a", "1", "1", "a"),
        rule("an apostrophe joins letters", "don't", "don't"),
        rule("an apostrophe joins digits", "1'000", "1'000"),
        rule("a typographic apostrophe joins letters and folds", "Blinken’s", "blinken's"),
        rule("a left single quote joins digits and folds", "1‘2", "1'2"),
        rule("a mid character next to an underscore joins nothing", "a_.b a._b", "a_", "b", "a",
            "_b"),
        rule("two mid characters join nothing", "a..b a.'b 1,,2", "a", "b", "a", "b", "1", "2"),
        rule("a mid character at a word's end is not in it", "end. end' end: 1, 1;", "end", "end",
            "end", "1", "1"),
        rule("a mid character at a word's start is not in it", ".a 'a :a ,1", "a", "a", "a", "1"),
        rule("letters and digits join without a mid character", "a1b 1a2", "a1b", "1a2"),
        rule("mid characters join inside letter and digit runs", "a1.2 1a.b", "a1.2", "1a.b"),
        rule("a double quote joins nothing", "a\"b", "a", "b"),
        rule("a hyphen joins nothing", "co-operation", "co", "operation"),
        rule("a backquote joins nothing and is no word", "a`b `", "a", "b"),
        rule("control characters join nothing", "a\u0001b\u007Fc\u0000d", "a", "b", "c", "d"),
        rule("Latin-1 letters are letters, lower-cased", "ÉCOLE Straße ÿ ÀÞ", "école", "straße",
            "ÿ", "àþ"),
        rule("the multiplication and division signs join nothing", "3×4 a÷b", "3", "4", "a", "b"),
        rule("guillemets and inverted marks join nothing", "«a» ¿b? ¡c!", "a", "b", "c"),
        rule("curly quotes, dashes, bullet, ellipsis and euro join nothing",
            "“a”–b—c…d„e‚f•g€h‹i›j‐k―l", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k",
            "l"),
        rule("white space joins nothing", "a\tb\nc\u000Bd\u000Ce\rf g\r\nh", "a", "b", "c", "d",
            "e", "f", "g", "h"),
        rule("no-break spaces join nothing", "a\u00A0b\u2007c\u202Fd", "a", "b", "c", "d"));
  }

  private static Arguments rule(String rule, String text, String... words) {
    return Arguments.of(rule, text, List.of(words));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleSplitsWordsAsLuceneDoes(String rule, String text, List<String> words) {
    assertEquals(words, NORMALIZER.words(text), "Lucene's words");
    assertEquals(NORMALIZER.tokenizeWithLucene(text), scanned(text), "the scanner's words");
  }

  static Stream<Arguments> longWords() {
    return Stream.of(
        Arguments.of("x" + "a".repeat(299), List.of(0, 255, 255, 300)),
        Arguments.of("a".repeat(255), List.of(0, 255)),
        Arguments.of("a".repeat(256), List.of(0, 255, 255, 256)),
        Arguments.of("a".repeat(600), List.of(0, 255, 255, 510, 510, 600)),
        // A mid character joins only if its second letter is inside the 255.
        Arguments.of("a".repeat(253) + ".b", List.of(0, 255)),
        Arguments.of("a".repeat(254) + ".b", List.of(0, 254, 255, 256)),
        Arguments.of("a".repeat(254) + "_", List.of(0, 255)),
        Arguments.of("a".repeat(255) + "_", List.of(0, 255)),
        Arguments.of("a".repeat(256) + "_", List.of(0, 255, 255, 257)),
        // Underscores start a word only if a letter or digit follows within the 255.
        Arguments.of("_".repeat(254) + "a", List.of(0, 255)),
        Arguments.of("_".repeat(255) + "a", List.of(1, 256)),
        Arguments.of("_".repeat(300) + "a", List.of(46, 301)),
        Arguments.of("_".repeat(300) + " a", List.of(301, 302)),
        Arguments.of("_".repeat(300) + "a".repeat(300), List.of(46, 301, 301, 556, 556, 600)),
        Arguments.of("1,".repeat(200), List.of(0, 255, 256, 399)));
  }

  @ParameterizedTest(name = "{index}: {1}")
  @MethodSource("longWords")
  void aWordIsCutAt255CharactersAsLuceneCutsIt(String text, List<Integer> offsets) {
    Tokens lucene = NORMALIZER.tokenizeWithLucene(text);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lucene.size(); i++) {
      found.add(lucene.start(i));
      found.add(lucene.end(i));
    }
    assertEquals(offsets, found, "Lucene's offsets");
    assertEquals(lucene, scanned(text), "the scanner's words");
  }

  /** Text around each plain character in turn: letters, digits, underscores, mid characters. */
  private static final String[] BEFORE = {"", "a", "1", "_", "é", "a.", "1,", "a_", " "};

  private static final String[] AFTER = {"", "b", "2", "_", "é", ".b", ",2", "_b", " "};

  @Test
  void everyPlainCharacterReadsAsLuceneReadsItBetweenAnyNeighbours() {
    List<String> differ = new ArrayList<>();
    int plain = 0;
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      if (FastWordScanner.classOf((char) c) == FastWordScanner.SLOW) {
        continue;
      }
      plain++;
      String s = String.valueOf((char) c);
      for (String before : BEFORE) {
        for (String after : AFTER) {
          for (String text : new String[] {before + s + after, before + s + s + after}) {
            if (!NORMALIZER.tokenizeWithLucene(text).equals(scanned(text))) {
              differ.add(String.format("U+%04X in \"%s\"", c, text));
            }
          }
        }
      }
    }
    assertEquals(List.of(), differ);
    // All 128 of ASCII; 89 of the 128 Latin-1 above it (not the 32 C1 controls, © ® ª µ º, the
    // soft hyphen, the middle dot); 21 of General Punctuation.
    assertEquals(128 + 89 + 21, plain, "plain characters");
  }

  @Test
  void everyCharacterOfOtherScriptsGoesToLucene() {
    String others = "ªµº·©®\u00AD\u0085İıΣЖאب北カ한ไ\u0301\u200D\uFE0F\u20E3\uD83D\uDE00";
    for (char c : others.toCharArray()) {
      assertEquals(
          FastWordScanner.SLOW, FastWordScanner.classOf(c), String.format("U+%04X", (int) c));
    }
  }

  @Test
  void aPlainTextIsReadWithoutLucene() {
    String text = "L’économie française a progressé de 0,2 % au troisième trimestre — l’Insee.";
    assertEquals(0, NORMALIZER.charactersReadByLucene(text));
    assertTrue(NORMALIZER.charactersReadByLucene("Ελλάδα and 北京") > 0);
  }
}
