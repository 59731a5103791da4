package dev.refrain.bench.eval;

import dev.refrain.kernel.ArticlePair;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.document.Article;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Computes the lexical similarity features of a sentence pair for the MSRP evaluation: word and
 * word n-gram overlap, the longest common word subsequence from refrain's {@link VariantDiffer},
 * passage coverage from refrain's aligner with sentence-sized settings, length ratio and number
 * agreement. Words are refrain's normalized tokens ({@link TextNormalizer}); the stemmed and
 * content-word variants add the Snowball English stemmer and Lucene's English stop words. No
 * thesaurus, parser or embedding: a purely lexical method.
 *
 * <p>Every feature is symmetric in the two sentences (min and max of the two directions).
 * Thread-safe.
 */
public final class LexicalFeatures {

  /** The features' names, in the order {@link #features} returns them. */
  public static final List<String> NAMES =
      List.of(
          "unigram overlap (min)",
          "unigram overlap (max)",
          "stemmed overlap (min)",
          "stemmed overlap (max)",
          "content-word overlap (min)",
          "content-word overlap (max)",
          "bigram overlap (min)",
          "bigram overlap (max)",
          "trigram overlap (min)",
          "trigram overlap (max)",
          "word LCS (min)",
          "word LCS (max)",
          "aligned passage coverage (min)",
          "aligned passage coverage (max)",
          "length ratio",
          "numbers agree",
          "numbers only on one side",
          "unmatched content words (min)",
          "unmatched content words (max)",
          "character trigram Dice");

  /**
   * The aligner settings for sentences: 2-word shingles, passages from 3 words, gaps up to 4
   * words (the scan defaults of 5-word shingles and 8-word passages find nothing in most
   * sentence pairs).
   */
  public static final DetectorOptions SENTENCE_OPTIONS =
      new DetectorOptions(
          2,
          DetectorOptions.defaults().window(),
          3,
          4,
          0.5,
          DetectorOptions.defaults().templateMinArticles(),
          DetectorOptions.defaults().maxBucket(),
          1,
          DetectorOptions.defaults().seed());

  private final TextNormalizer normalizer = new TextNormalizer();
  private final VariantDiffer differ = new VariantDiffer();
  private final Scanner scanner = new Scanner(SENTENCE_OPTIONS);

  /** The features of the pair, in the order of {@link #NAMES}. */
  public double[] features(String a, String b) {
    Tokens ta = normalizer.tokenize(a);
    Tokens tb = normalizer.tokenize(b);
    List<String> wa = normalizer.words(a);
    List<String> wb = normalizer.words(b);
    List<String> sa = stems(wa);
    List<String> sb = stems(wb);
    List<String> ca = content(sa, wa);
    List<String> cb = content(sb, wb);
    double[] f = new double[NAMES.size()];
    int k = 0;
    k = both(f, k, overlap(ngrams(wa, 1), ngrams(wb, 1)), wa.size(), wb.size());
    k = both(f, k, overlap(ngrams(sa, 1), ngrams(sb, 1)), sa.size(), sb.size());
    k = both(f, k, overlap(ngrams(ca, 1), ngrams(cb, 1)), ca.size(), cb.size());
    k = both(f, k, overlap(ngrams(wa, 2), ngrams(wb, 2)), wa.size() - 1, wb.size() - 1);
    k = both(f, k, overlap(ngrams(wa, 3), ngrams(wb, 3)), wa.size() - 2, wb.size() - 2);
    int lcs = VariantDiffer.sharedWords(differ.diff(ta, 0, ta.size(), tb, 0, tb.size()));
    k = both(f, k, lcs, wa.size(), wb.size());
    ArticlePair aligned = scanner.compare(Article.of("a", a), Article.of("b", b));
    f[k++] = Math.min(aligned.containmentA(), aligned.containmentB());
    f[k++] = Math.max(aligned.containmentA(), aligned.containmentB());
    f[k++] =
        Math.max(wa.size(), wb.size()) == 0
            ? 1
            : (double) Math.min(wa.size(), wb.size()) / Math.max(wa.size(), wb.size());
    Set<String> na = numbers(wa);
    Set<String> nb = numbers(wb);
    f[k++] = na.equals(nb) ? 1 : 0;
    Set<String> onlyOne = new HashSet<>(na);
    onlyOne.addAll(nb);
    Set<String> common = new HashSet<>(na);
    common.retainAll(nb);
    onlyOne.removeAll(common);
    f[k++] = onlyOne.size();
    int sharedContent = overlap(ngrams(ca, 1), ngrams(cb, 1));
    f[k++] = Math.min(ca.size(), cb.size()) - sharedContent;
    f[k++] = Math.max(ca.size(), cb.size()) - sharedContent;
    Map<String, Integer> ga = charGrams(String.join(" ", wa));
    Map<String, Integer> gb = charGrams(String.join(" ", wb));
    int sa3 = ga.values().stream().mapToInt(Integer::intValue).sum();
    int sb3 = gb.values().stream().mapToInt(Integer::intValue).sum();
    f[k++] = sa3 + sb3 == 0 ? 1 : 2.0 * overlap(ga, gb) / (sa3 + sb3);
    return f;
  }

  private static int both(double[] f, int k, int shared, int sizeA, int sizeB) {
    double x = sizeA <= 0 ? 0 : (double) shared / sizeA;
    double y = sizeB <= 0 ? 0 : (double) shared / sizeB;
    f[k] = Math.min(x, y);
    f[k + 1] = Math.max(x, y);
    return k + 2;
  }

  private static List<String> stems(List<String> words) {
    EnglishStemmer stemmer = new EnglishStemmer();
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      stemmer.setCurrent(w);
      stemmer.stem();
      out.add(stemmer.getCurrent());
    }
    return out;
  }

  /** The stems of the words that are not English stop words. */
  private static List<String> content(List<String> stems, List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(words.get(i))) {
        out.add(stems.get(i));
      }
    }
    return out;
  }

  private static Set<String> numbers(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      if (w.chars().anyMatch(Character::isDigit)) {
        out.add(w);
      }
    }
    return out;
  }

  /** The n-grams of the words, as a multiset (n-gram to count). */
  private static Map<String, Integer> ngrams(List<String> words, int n) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= words.size(); i++) {
      out.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  /** The character trigrams of the text, as a multiset. */
  private static Map<String, Integer> charGrams(String text) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i + 3 <= text.length(); i++) {
      out.merge(text.substring(i, i + 3), 1, Integer::sum);
    }
    return out;
  }

  /** Size of the multiset intersection. */
  private static int overlap(Map<String, Integer> a, Map<String, Integer> b) {
    int n = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      Integer other = b.get(e.getKey());
      if (other != null) {
        n += Math.min(e.getValue(), other);
      }
    }
    return n;
  }
}
