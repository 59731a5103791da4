package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.normalize.WordStemmer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StemOverlap.Texts} (each article stemmed once, stems as ids, sentence pairs proposed
 * from the stems they share) against the way the sentence aligner weighed sentences before it
 * (below, {@link Reference}): every sentence's text stemmed for each comparison, stems as
 * strings, every pair of sentences weighed. On generated articles the two must agree exactly:
 * the same Dice overlaps to the last bit, the same stems shared, the same pairs proposed.
 */
class StemOverlapTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  /**
   * Words chosen to make stemming, folding and stop words matter: inflections of one stem,
   * accented and capitalized forms, stop words, numbers, single letters, hyphens and
   * apostrophes, a letter Lucene reads alone (CJK, so a run of letters crosses word edges).
   */
  private static final String[] VOCABULARY = {
    "the", "The", "of", "and", "a", "in", "to", "is", "was", "he", "she", "said", "not", "with",
    "minister", "ministers", "ministerial", "run", "running", "runs", "ran", "runner", "trade",
    "trading", "traded", "café", "Café", "cafe", "CAFÉ", "naïve", "naive", "Zürich", "zurich",
    "talks", "talk", "talked", "talking", "Beijing", "beijing", "summit", "summits", "2023",
    "1,000", "3.5", "7", "x", "U.S.", "don't", "Blinken's", "Blinken’s", "well-known",
    "state-of-the-art", "co-operation", "cooperation", "communication", "communications",
    "importance", "important", "urgent", "urgently", "neighbours", "neighbour", "border",
    "borders", "北京", "会谈", "东京", "abc123", "ß", "straße", "strasse", "Ωmega", "ωmega",
  };

  private static final String[] MARKS = {" ", " ", " ", " ", ", ", ". ", "? ", "! ", "\n", " \u201C",
      "\u201D ", " - ", " (", ") ", "; ", ""};

  static String article(Random r, int words) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(VOCABULARY[r.nextInt(VOCABULARY.length)]);
      b.append(r.nextInt(6) == 0 ? MARKS[r.nextInt(MARKS.length)] : " ");
    }
    return b.toString();
  }

  /** Random runs of words of {@code tokens}, as {@code {charFrom, charTo}} (a sentence's text). */
  private static List<int[]> sentences(Random r, Tokens tokens, int count) {
    List<int[]> out = new ArrayList<>();
    for (int k = 0; k < count && tokens.size() > 0; k++) {
      int from = r.nextInt(tokens.size());
      int to = Math.min(tokens.size(), from + 1 + r.nextInt(25));
      out.add(new int[] {tokens.start(from), tokens.end(to - 1)});
    }
    return out;
  }

  @Test
  void agreesWithWeighingEveryPairOfSentencesAsStrings() {
    Random r = new Random(20261202L);
    int proposed = 0;
    int cut = 0;
    for (int round = 0; round < 300; round++) {
      String a = article(r, 30 + r.nextInt(200));
      String b = round % 7 == 0 ? a : article(r, 30 + r.nextInt(200));
      Tokens ta = NORMALIZER.tokenize(a);
      Tokens tb = NORMALIZER.tokenize(b);
      List<int[]> sa = sentences(r, ta, 1 + r.nextInt(12));
      List<int[]> sb = sentences(r, tb, 1 + r.nextInt(12));
      StemOverlap.Texts texts = new StemOverlap.Texts(StemmedText.of(a, ta), StemmedText.of(b, tb));
      List<String> strings = new ArrayList<>();
      for (int[] s : sa) {
        texts.add(0, a, s[0], s[1]);
        strings.add(a.substring(s[0], s[1]));
        cut += Reference.cut(a, s) ? 1 : 0;
      }
      for (int[] s : sb) {
        texts.add(1, b, s[0], s[1]);
        strings.add(b.substring(s[0], s[1]));
      }
      texts.weigh();
      List<Reference.Weighed> weighed = Reference.weigh(strings);
      int minShared = 1 + r.nextInt(4);
      double minDice = r.nextInt(3) * 0.2;
      for (int i = 0; i < sa.size(); i++) {
        List<Integer> expected = new ArrayList<>();
        for (int j = 0; j < sb.size(); j++) {
          Reference.Weighed x = weighed.get(i);
          Reference.Weighed y = weighed.get(sa.size() + j);
          int shared = (int) Reference.overlap(x, y, true);
          double dice = Reference.exactDice(x, y);
          if (shared > 0) {
            assertEquals(
                Double.doubleToLongBits(dice),
                Double.doubleToLongBits(texts.dice(i, sa.size() + j)),
                "Dice of " + strings.get(i) + " | " + strings.get(sa.size() + j));
          }
          if (shared >= minShared && dice >= minDice) {
            expected.add(sa.size() + j);
          }
        }
        int[] got = texts.aligned(i, minShared, minDice);
        assertArrayEquals(
            expected.stream().mapToInt(Integer::intValue).toArray(), got, "text " + strings.get(i));
        proposed += got.length;
      }
      // Word stems: equal ids exactly for equal stems, and content as the sentence's own stems say.
      WordStemmer stemmer = new WordStemmer();
      Map<String, Integer> ids = new HashMap<>();
      for (int side = 0; side < 2; side++) {
        String text = side == 0 ? a : b;
        Tokens t = side == 0 ? ta : tb;
        for (int w = 0; w < t.size(); w++) {
          String stem = Reference.stem(text.substring(t.start(w), t.end(w)), stemmer);
          int id = texts.wordStem(side, w);
          assertEquals(stem == null, id < 0, text.substring(t.start(w), t.end(w)));
          if (stem != null) {
            assertEquals(ids.computeIfAbsent(stem, s -> id), id, stem);
          }
        }
      }
      for (int i = 0; i < sa.size(); i++) {
        for (int w = ta.wordAtOrAfter(sa.get(i)[0]); w < ta.size() && ta.end(w) <= sa.get(i)[1]; w++) {
          String stem = Reference.stem(a.substring(ta.start(w), ta.end(w)), stemmer);
          assertEquals(
              stem != null && weighed.get(i).content(stem), texts.content(i, texts.wordStem(0, w)),
              stem + " in " + strings.get(i));
        }
      }
    }
    assertTrue(proposed > 500, "few pairs proposed: " + proposed);
    assertTrue(cut > 20, "few sentences cut a run of letters: " + cut);
  }

  @Test
  void aTextCuttingARunOfLettersIsStemmedAsItsOwnText() {
    // Lucene reads CJK letters one by one: a sentence may start inside a run of letters.
    String a = "会谈北京 talks talks summit.";
    Tokens ta = NORMALIZER.tokenize(a);
    StemOverlap.Texts texts = new StemOverlap.Texts(StemmedText.of(a, ta), StemmedText.of(a, ta));
    int from = ta.start(1); // 谈北京: not the article's run 会谈北京
    texts.add(0, a, from, a.length());
    texts.add(1, a, 0, a.length());
    texts.add(1, a, from, a.length());
    texts.weigh();
    List<Reference.Weighed> weighed =
        Reference.weigh(List.of(a.substring(from), a, a.substring(from)));
    assertEquals(Reference.exactDice(weighed.get(0), weighed.get(1)), texts.dice(0, 1));
    assertEquals(1.0, texts.dice(0, 2));
    assertTrue(texts.dice(0, 1) < 1.0);
  }

  /** The sentence aligner's weighing before {@link StemOverlap.Texts}, kept as it was. */
  static final class Reference {
    record Weighed(String[] stems, boolean[] stop, double[] weights, double total) {
      boolean content(String stem) {
        int at = Arrays.binarySearch(stems, stem);
        return at >= 0 && !stop[at];
      }
    }

    static boolean cut(String text, int[] s) {
      return s[0] > 0
          && Character.isLetterOrDigit(text.charAt(s[0] - 1))
          && Character.isLetterOrDigit(text.charAt(s[0]));
    }

    static List<Weighed> weigh(List<String> texts) {
      QuoteStems.Stemming stemming = new QuoteStems.Stemming(new WordStemmer());
      List<String[][]> raw = new ArrayList<>(texts.size());
      Map<String, Integer> df = new HashMap<>();
      for (String t : texts) {
        String[][] sf = stemming.stems(t);
        raw.add(sf);
        for (String s : sf[0]) {
          df.merge(s, 1, Integer::sum);
        }
      }
      List<Weighed> out = new ArrayList<>(raw.size());
      int eligible = texts.size();
      for (String[][] sf : raw) {
        double[] w = new double[sf[0].length];
        boolean[] stop = new boolean[w.length];
        double total = 0;
        for (int k = 0; k < w.length; k++) {
          double idf = Math.log(1.0 + (double) eligible / df.get(sf[0][k]));
          stop[k] = QuoteGrouper.STOP_WORDS.contains(sf[1][k]);
          w[k] = stop[k] ? idf * QuoteGrouper.STOP_WORD_WEIGHT : idf;
          total += w[k];
        }
        out.add(new Weighed(sf[0], stop, w, total));
      }
      return out;
    }

    static String stem(String word, WordStemmer stemmer) {
      int s = 0;
      while (s < word.length() && !Character.isLetterOrDigit(word.charAt(s))) {
        s++;
      }
      int e = s;
      while (e < word.length() && Character.isLetterOrDigit(word.charAt(e))) {
        e++;
      }
      if (e - s < 2 && !(e > s && Character.isDigit(word.charAt(s)))) {
        return null;
      }
      return stemmer.stem(SpeakerNames.fold(word.substring(s, e)));
    }

    static double exactDice(Weighed a, Weighed b) {
      double total = a.total + b.total;
      return total == 0 ? 0 : 2 * overlap(a, b, false) / total;
    }

    static double overlap(Weighed a, Weighed b, boolean count) {
      String[] sa = a.stems;
      String[] sb = b.stems;
      double shared = 0;
      int x = 0;
      int y = 0;
      while (x < sa.length && y < sb.length) {
        int c = sa[x].compareTo(sb[y]);
        if (c == 0) {
          if (!count) {
            shared += Math.min(a.weights[x], b.weights[y]);
          } else if (!a.stop[x]) {
            shared++;
          }
          x++;
          y++;
        } else if (c < 0) {
          x++;
        } else {
          y++;
        }
      }
      return shared;
    }
  }
}
