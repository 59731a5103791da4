package dev.refrain.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The words of a text range split by hand ({@link VariantKinds#words}) are the ones the {@link
 * VariantKinds#WORD} pattern finds in that range: same texts, same offsets.
 */
class VariantKindsWordsTest {
  /** What {@code words} returned when it ran the pattern. */
  private static List<String> byPattern(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    if (from < 0 || to <= from) {
      return out;
    }
    Matcher m = VariantKinds.WORD.matcher(text).region(from, to);
    while (m.find()) {
      out.add(m.start() + ":" + m.group());
    }
    return out;
  }

  private static List<String> byHand(String text, int from, int to) {
    List<String> out = new ArrayList<>();
    for (VariantKinds.Word w : VariantKinds.words(text, from, to)) {
      out.add(w.start() + ":" + w.text());
    }
    return out;
  }

  @Test
  void wordsOfNewsText() {
    String text =
        "Antony Blinken’s visit to Beijing, on 18.06.2023 -- U.S.-China talks; co-operation"
            + " at 4:30 pm, 1,200 people ... '90s x-";
    for (int from = 0; from <= text.length(); from += 3) {
      for (int to = from; to <= text.length(); to += 5) {
        assertEquals(byPattern(text, from, to), byHand(text, from, to), from + ".." + to);
      }
    }
  }

  @Test
  void wordsOfRandomTextWithSeparatorsDigitsAndSurrogates() {
    // letters, digits, number signs, separators, spaces, punctuation, supplementary letters
    // (U+1D400) and digits (U+1D7CE), lone surrogates
    String[] pieces = {
      "a", "Z", "é", "ß", "7", "½", "Ⅻ", "'", "’", "-", ".", ",", " ", "\n", "!", "\"",
      "\uD835\uDC00", "\uD835\uDFCE", "\uD835", "\uDC00", "_", "٣"
    };
    Random random = new Random(8);
    for (int round = 0; round < 20000; round++) {
      StringBuilder b = new StringBuilder();
      int n = 1 + random.nextInt(30);
      for (int i = 0; i < n; i++) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = b.toString();
      int from = random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      assertEquals(
          byPattern(text, from, to), byHand(text, from, to),
          text.chars().mapToObj(c -> Integer.toHexString(c)).toList() + " " + from + ".." + to);
    }
  }
}
