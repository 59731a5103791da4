package dev.refrain.normalize;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  private Locale savedLocale;

  @BeforeEach
  void saveLocale() {
    savedLocale = Locale.getDefault();
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(savedLocale);
  }

  /**
   * The normalized words {@code n} makes of {@code text}, checked against what {@link
   * TextNormalizer#tokenize} gives: one hash per word, each the seeded hash of that word.
   */
  static List<String> terms(TextNormalizer n, String text) {
    List<String> words = n.words(text);
    Tokens tokens = tokenize(n, text);
    assertEquals(words.size(), tokens.size(), "words and tokens of " + text);
    for (int i = 0; i < words.size(); i++) {
      assertEquals(Hash64.hash(words.get(i), n.seed()), tokens.hash(i), "hash of word " + i);
    }
    return words;
  }

  /**
   * {@code n.tokenize(text)}, checked to be exactly what the Lucene chain alone gives
   * ({@link TokenizerEquivalenceTest}): every text of these tests is a case of that equivalence.
   */
  static Tokens tokenize(TextNormalizer n, String text) {
    return TokenizerEquivalenceTest.assertSameAsLucene(n, text);
  }

  static List<String> terms(String text) {
    return terms(NORMALIZER, text);
  }

  static List<String> surfaces(String text, Tokens tokens) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      out.add(text.substring(tokens.start(i), tokens.end(i)));
    }
    return out;
  }

  /**
   * Texts whose words are not Arabic and have no non-ASCII digits: for them the analyzer's extra
   * Arabic and digit folding does nothing, so {@code normalizeTerm(surface) == term}.
   */
  static Stream<String> latinAndCjkTexts() {
    return Stream.of(
        "Blinken’s “visit” to Beijing — the first since 2018 – was ‘constructive’.",
        "Blinken's \"visit\" to Beijing - the first since 2018 - was 'constructive'.",
        "L’économie française a progressé de 0,2 % au troisième trimestre.",
        "ﬁnancial ＡＢＣ İstanbul STRASSE Straße Ǆemal ΣΊΣΥΦΟΣ Ωmega K(elvin)",
        "美国国务卿布林肯抵达北京，与中国外交部长秦刚会谈。",
        "The U.S. State Department's co-operation 3.5 1,000 e-mail rock’n’roll",
        "Line one\r\nline two\n\tline three\u00A0with nbsp",
        "Ukraine (Україна) and Russia (Россия) — ΕΛΛΑΔΑ",
        "Unicode: cafe\u0301 versus café, ligature ﬂow, superscript x²",
        "");
  }

  @ParameterizedTest
  @MethodSource("latinAndCjkTexts")
  void offsetsMapBackToTheOriginalText(String text) {
    Tokens tokens = tokenize(NORMALIZER, text);
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.start(i);
      int end = tokens.end(i);
      assertTrue(0 <= start && start < end && end <= text.length(), "bad range for word " + i);
      String surface = text.substring(start, end);
      assertEquals(
          TextNormalizer.normalizeTerm(surface),
          terms(text).get(i),
          "word " + i + " '" + surface + "' at " + start + ".." + end);
      if (i > 0) {
        assertTrue(tokens.end(i - 1) <= start, "words " + (i - 1) + " and " + i + " overlap");
      }
    }
  }

  @Test
  void offsetsAreExactForASimpleSentence() {
    String text = "  Blinken’s “visit”, Beijing.";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(List.of("blinken's", "visit", "beijing"), terms(text));
    assertAll(
        () -> assertEquals(2, tokens.start(0)),
        () -> assertEquals(11, tokens.end(0)),
        () -> assertEquals(13, tokens.start(1)),
        () -> assertEquals(18, tokens.end(1)),
        () -> assertEquals(21, tokens.start(2)),
        () -> assertEquals(28, tokens.end(2)));
  }

  static Stream<Arguments> termNormalizations() {
    return Stream.of(
        Arguments.of("ﬁ", "fi"),
        Arguments.of("ﬁnance", "finance"),
        Arguments.of("ＡＢＣ", "abc"),
        Arguments.of("İstanbul", "i\u0307stanbul"),
        Arguments.of("ISTANBUL", "istanbul"),
        Arguments.of("Straße", "straße"),
        Arguments.of("STRASSE", "strasse"),
        Arguments.of("Blinken’s", "blinken's"),
        Arguments.of("Blinkenʼs", "blinken's"),
        Arguments.of("“visit”", "\"visit\""),
        Arguments.of("«visite»", "\"visite\""),
        Arguments.of("co–operation", "co-operation"),
        Arguments.of("co—operation", "co-operation"),
        Arguments.of("L’Économie", "l'économie"),
        Arguments.of("FRANÇAISE", "française"),
        Arguments.of("progresse\u0301", "progressé"),
        Arguments.of("ΣΊΣΥΦΟΣ", "σίσυφος"),
        Arguments.of("\u01C4emal", "d\u017Eemal"), // NFKC splits the digraph
        Arguments.of("x²", "x2"),
        Arguments.of("Ω", "ω"),
        Arguments.of("K", "k"),
        Arguments.of("blinken", "blinken"),
        Arguments.of("", ""));
  }

  @ParameterizedTest(name = "normalizeTerm({0}) = {1}")
  @MethodSource("termNormalizations")
  void normalizeTermFoldsCompatibilityFormsQuotesDashesAndCase(String word, String expected) {
    assertEquals(expected, TextNormalizer.normalizeTerm(word));
  }

  @ParameterizedTest(name = "idempotent on {0}")
  @ValueSource(
      strings = {
        "ﬁ",
        "ﬃnancial",
        "ＡＢＣ",
        "İstanbul",
        "İ",
        "Straße",
        "ẞ",
        "Blinken’s",
        "“quoted”",
        "—",
        "L’économie",
        "française",
        "progresse\u0301",
        "ÉLÉPHANT",
        "ΐ",
        "ǅ",
        "㍱",
        "½",
        "Ⅻ",
        "ﾊﾟﾝ",
        "الأمريكي",
        "٢٠٢٣",
        "美国"
      })
  void normalizeTermIsIdempotent(String word) {
    String once = TextNormalizer.normalizeTerm(word);
    assertEquals(once, TextNormalizer.normalizeTerm(once));
  }

  @Test
  void normalizeTermIsIdempotentOnEverySingleCodePoint() {
    List<String> failures = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.getType(cp) == Character.SURROGATE) {
        continue;
      }
      String once = TextNormalizer.normalizeTerm(new String(Character.toChars(cp)));
      if (!once.equals(TextNormalizer.normalizeTerm(once))) {
        failures.add("U+" + Integer.toHexString(cp));
      }
    }
    assertEquals(List.of(), failures);
  }

  @ParameterizedTest
  @MethodSource("latinAndCjkTexts")
  void tokenizingTheJoinedTermsGivesTheSameTerms(String text) {
    List<String> first = terms(text);
    assertEquals(first, terms(String.join(" ", first)));
  }

  @Test
  void tokenizingTheJoinedTermsOfArabicGivesTheSameTerms() {
    List<String> first = terms("وزير الخارجية الأمريكي أنتوني بلينكن في عام ٢٠٢٣");
    assertEquals(first, terms(String.join(" ", first)));
  }

  static Stream<Arguments> typographicVariants() {
    return Stream.of(
        Arguments.of("Blinken’s “visit”", "Blinken's \"visit\""),
        Arguments.of("Blinken‘s „visit“", "Blinken's \"visit\""),
        Arguments.of("the long‐term — and short–term — view", "the long-term - and short-term - view"),
        Arguments.of("it’s ‘constructive’", "it's 'constructive'"),
        Arguments.of("« la visite »", "\" la visite \""),
        Arguments.of("BLINKEN’S VISIT", "blinken's visit"));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("typographicVariants")
  void curlyAndStraightQuotesAndDashesGiveIdenticalTerms(String typographic, String plain) {
    assertEquals(terms(plain), terms(typographic));
  }

  @Test
  void curlyApostropheStaysInsideTheWord() {
    assertEquals(List.of("blinken's", "visit"), terms("Blinken’s “visit”"));
  }

  @Test
  void frenchGivesAccentedLowerCaseWordsWithOffsets() {
    String text = "L’économie française a progressé";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(List.of("l'économie", "française", "a", "progressé"), terms(text));
    assertEquals(List.of("L’économie", "française", "a", "progressé"), surfaces(text, tokens));
    assertEquals(terms("L'économie française a progressé"), terms(text));
  }

  @Test
  void arabicIsSplitIntoWordsWithOffsets() {
    String text = "وزير الخارجية الأمريكي أنتوني بلينكن";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(5, tokens.size());
    assertEquals(List.of("وزير", "الخارجية", "الأمريكي", "أنتوني", "بلينكن"), surfaces(text, tokens));
    // Arabic normalization: teh marbuta to heh, alef with hamza to bare alef.
    assertEquals(List.of("وزير", "الخارجيه", "الامريكي", "انتوني", "بلينكن"), terms(text));
    for (int i = 0; i < tokens.size(); i++) {
      assertFalse(terms(text).get(i).isEmpty());
    }
  }

  @Test
  void arabicIndicDigitsFoldToAsciiDigits() {
    String text = "في عام ٢٠٢٣";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(List.of("في", "عام", "2023"), terms(text));
    assertEquals("٢٠٢٣", text.substring(tokens.start(2), tokens.end(2)));
    assertEquals(terms("في عام 2023"), terms(text));
  }

  @Test
  void otherDecimalDigitsFoldToo() {
    assertEquals(List.of("2023"), terms("۲۰۲۳")); // extended Arabic-Indic (Persian)
    assertEquals(List.of("2023"), terms("२०२३")); // Devanagari
    assertEquals(List.of("2023"), terms("２０２３")); // fullwidth
  }

  @Test
  void chineseGivesOneWordPerIdeograph() {
    String text = "美国国务卿布林肯抵达北京";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(text.length(), tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      assertEquals(i, tokens.start(i));
      assertEquals(i + 1, tokens.end(i));
      assertEquals(String.valueOf(text.charAt(i)), terms(text).get(i));
    }
  }

  @Test
  void chineseAndLatinMixedKeepBothScripts() {
    assertEquals(List.of("blinken", "布", "林", "肯", "2023"), terms("Blinken（布林肯）2023。"));
  }

  @Test
  void crlfAndLfLineEndingsGiveTheSameTerms() {
    String lf = "Blinken arrived in Beijing.\nHe met Wang Yi.\n\nTalks were “candid”.\n";
    String crlf = lf.replace("\n", "\r\n");
    String cr = lf.replace("\n", "\r");
    List<String> expected =
        List.of("blinken", "arrived", "in", "beijing", "he", "met", "wang", "yi", "talks", "were",
            "candid");
    assertEquals(expected, terms(lf));
    assertEquals(expected, terms(crlf));
    assertEquals(expected, terms(cr));
    Tokens t = tokenize(NORMALIZER, crlf);
    assertEquals("He", crlf.substring(t.start(4), t.end(4)));
    assertEquals(29, t.start(4));
  }

  @Test
  void theTurkishDefaultLocaleChangesNothing() {
    String text = "ISTANBUL İstanbul TITLE Diyarbakır DIŞ Blinken’s QUICK";
    List<String> expected = terms(text);
    assertEquals(
        List.of("istanbul", "i\u0307stanbul", "title", "diyarbakır", "diş", "blinken's",
            "quick"),
        expected);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertEquals(expected, terms(new TextNormalizer(), text));
      assertEquals(expected, terms(NORMALIZER, text));
      assertEquals("title", TextNormalizer.normalizeTerm("TITLE"));
      assertEquals("istanbul", TextNormalizer.normalizeTerm("ISTANBUL"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\r\n\t ", "... — !!! ,,, “ ” ‘ ’"})
  void emptyOrPunctuationOnlyTextHasNoWords(String text) {
    assertEquals(0, tokenize(NORMALIZER, text).size());
  }

  @Test
  void manyShortWordsGrowTheBuffersAndKeepTheirOffsets() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      sb.append((char) ('a' + i % 26)).append(' ');
    }
    String text = sb.toString();
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(1000, tokens.size());
    List<String> words = terms(text);
    for (int i = 0; i < 1000; i++) {
      assertEquals(2 * i, tokens.start(i));
      assertEquals(2 * i + 1, tokens.end(i));
      assertEquals(String.valueOf((char) ('a' + i % 26)), words.get(i));
    }
  }

  @Test
  void aWordLongerThan255CharactersIsSplitWithOffsetsStillExact() {
    String text = "x" + "a".repeat(299) + " end";
    Tokens tokens = tokenize(NORMALIZER, text);
    assertEquals(3, tokens.size());
    assertEquals(0, tokens.start(0));
    assertEquals(255, tokens.end(0));
    assertEquals(255, tokens.start(1));
    assertEquals(300, tokens.end(1));
    assertEquals("end", terms(text).get(2));
  }

  @Test
  void aDeserializedNormalizerTokenizesTheSame() throws IOException, ClassNotFoundException {
    TextNormalizer used = new TextNormalizer();
    String text = "Blinken’s “visit” to Beijing";
    List<String> expected = terms(used, text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(used);
    }
    TextNormalizer copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (TextNormalizer) in.readObject();
    }
    assertEquals(expected, terms(copy, text));
    assertEquals(List.of("blinken's", "visit", "to", "beijing"), expected);
  }

  @Test
  void tokenizingIsRepeatableOnTheSameInstance() {
    String text = "Blinken arrived in Beijing on Sunday.";
    assertEquals(terms(NORMALIZER, text), terms(NORMALIZER, text));
    assertEquals(List.of("a", "b"), terms(NORMALIZER, "A B"));
    assertEquals(terms(NORMALIZER, text), terms(NORMALIZER, text));
  }

  @Test
  void oneNormalizerTokenizesConcurrentlyFromManyThreads() throws Exception {
    TextNormalizer shared = new TextNormalizer();
    List<String> texts = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String text = "Article " + i + ": Blinken’s “visit” number " + i + " — L’économie, 美国 " + i;
      texts.add(text);
      expected.add(terms(new TextNormalizer(), text));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int offset = t;
        results.add(
            pool.submit(
                () -> {
                  int mismatches = 0;
                  for (int round = 0; round < 300; round++) {
                    int k = (offset + round) % texts.size();
                    if (!terms(shared, texts.get(k)).equals(expected.get(k))) {
                      mismatches++;
                    }
                  }
                  return mismatches;
                }));
      }
      for (java.util.concurrent.Future<Integer> result : results) {
        assertEquals(0, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- bugs found: kept disabled so the build stays green ----

  @Test
  void frenchNarrowNoBreakSpacesGiveTheSameTermsAsOrdinarySpaces() {
    String nnbsp = "Il a dit\u202F: «\u202Fnous progressons\u202F» avec 10\u202F000 euros";
    String plain = "Il a dit : « nous progressons » avec 10 000 euros";
    assertEquals(terms(plain), terms(nnbsp));
    for (String term : terms(nnbsp)) {
      assertFalse(term.contains(" "), "term with a space: '" + term + "'");
    }
  }

  @Test
  void canonicallyEquivalentArabicGivesTheSameTerms() {
    String precomposed = "\u0623\u0646\u062A\u0648\u0646\u064A"; // أنتوني
    String decomposed = "\u0627\u0654\u0646\u062A\u0648\u0646\u064A";
    String presentationForms = "\uFE83\uFEE7\uFE98\uFEEE\uFEE7\uFEF2";
    assertEquals(List.of("انتوني"), terms(precomposed));
    assertEquals(terms(precomposed), terms(decomposed));
    assertEquals(terms(precomposed), terms(presentationForms));
  }

  @Test
  void noWordHasAnEmptyTerm() {
    String text = "بلينكن ـ وانغ";
    Tokens tokens = tokenize(NORMALIZER, text);
    for (int i = 0; i < tokens.size(); i++) {
      assertFalse(terms(text).get(i).isEmpty(), "word " + i + " is empty");
    }
  }

  /**
   * One buffer reused over texts long and short, plain and not (no-break spaces it rewrites,
   * Cyrillic and Chinese for Lucene, a word cut at 255 characters, an empty text, a text ending
   * in a high surrogate): each gives the words of a fresh call, whatever the buffer held before.
   */
  @Test
  void aReusedTokenBufferGivesTheWordsOfAFreshCall() {
    String[] texts = {
      "The minister said\u00A0: \u00ABnothing\u00BB, and left. ".repeat(400),
      "Short one.",
      "",
      "\u041C\u043E\u0441\u043A\u0432\u0430 said 1,000 U.S. officials \u4E2D\u6587 don\u2019t",
      "x".repeat(300) + " tail",
      "a\uD83D",
      "Prices rose 3.5% on Tuesday, the ministry said.",
      "dit\u202F: oui\u2007non \u00E9t\u00E9",
    };
    TokenBuffer buffer = new TokenBuffer(4);
    java.util.Random random = new java.util.Random(7);
    for (int k = 0; k < 200; k++) {
      String text = texts[random.nextInt(texts.length)];
      assertEquals(NORMALIZER.tokenize(text), NORMALIZER.tokenize(text, buffer), text);
      assertEquals(
          NORMALIZER.tokenizeWithLucene(text), NORMALIZER.tokenize(text, buffer), text);
    }
  }
}
