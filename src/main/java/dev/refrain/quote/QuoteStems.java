package dev.refrain.quote;

import dev.refrain.normalize.WordStemmer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The word stems of all the quotes of one grouping, each held once: every distinct stem and word
 * form is an int id, and each quote its distinct stems as a run of ids in one array, ascending
 * (stem ids follow the stems' {@link String#compareTo} order, so a quote's run is its stems in the
 * order {@link QuoteGrouper#stems} gives them), beside each its first word form's id and its
 * weight. What a comparison of two quotes reads is primitive arrays; no string is made or hashed
 * per comparison.
 *
 * <p>Built from the quotes' texts on a pool (each part stems its quotes with its own stemmer and
 * a cache of the forms it has stemmed), then numbered on one thread; the result depends only on
 * the texts and their order.
 */
final class QuoteStems {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  /** Quote {@code q}'s stems are at {@code from[q]..from[q + 1]} of the arrays below. */
  private final int[] from;
  private final int[] stem;
  private final int[] form;
  private final double[] weight;
  /** Per quote: the sum of its stems' weights. */
  private final double[] total;
  /** Per stem id: the quotes of {@link QuoteGrouper#MIN_WORDS} stems or more holding it. */
  private final int[] df;
  /** Per stem id, its text. */
  private final String[] stems;
  /** Per form id: whether it is a stop word, whether it may be a spelling variant, its first char and length. */
  private final boolean[] stop;
  private final boolean[] spellable;
  private final char[] first;
  private final int[] length;
  private final String[] forms;
  private final int eligible;

  private QuoteStems(
      int[] from, int[] stem, int[] form, String[] stems, String[] forms, boolean unweighted) {
    this.from = from;
    this.stem = stem;
    this.form = form;
    this.stems = stems;
    this.forms = forms;
    int n = from.length - 1;
    stop = new boolean[forms.length];
    spellable = new boolean[forms.length];
    first = new char[forms.length];
    length = new int[forms.length];
    for (int f = 0; f < forms.length; f++) {
      String s = forms[f];
      stop[f] = QuoteGrouper.STOP_WORDS.contains(s);
      spellable[f] = s.length() >= 4 && alphabetic(s);
      first[f] = s.charAt(0);
      length[f] = s.length();
    }
    df = new int[stems.length];
    int e = 0;
    for (int q = 0; q < n; q++) {
      if (eligible(q)) {
        e++;
        for (int k = from[q]; k < from[q + 1]; k++) {
          df[stem[k]]++;
        }
      }
    }
    eligible = e;
    double[] idf = new double[stems.length];
    for (int s = 0; s < idf.length; s++) {
      idf[s] = df[s] == 0 ? 0 : Math.log(1.0 + (double) eligible / df[s]);
    }
    weight = new double[stem.length];
    total = new double[n];
    for (int q = 0; q < n; q++) {
      if (!unweighted && !eligible(q)) {
        continue;
      }
      double t = 0;
      for (int k = from[q]; k < from[q + 1]; k++) {
        double w =
            unweighted
                ? 1.0
                : stop[form[k]] ? idf[stem[k]] * QuoteGrouper.STOP_WORD_WEIGHT : idf[stem[k]];
        weight[k] = w;
        t += w;
      }
      total[q] = t;
    }
  }

  /** The stems of the texts, IDF-weighted over those of {@link QuoteGrouper#MIN_WORDS} stems or more. */
  static QuoteStems of(List<String> texts, ExecutorService pool, int parts) {
    return build(texts, pool, parts, false);
  }

  /** The stems of the texts, every stem weighing 1 (for tests and diagnostics). */
  static QuoteStems unweighted(List<String> texts) {
    return build(texts, null, 1, true);
  }

  private static QuoteStems build(
      List<String> texts, ExecutorService pool, int parts, boolean unweighted) {
    int n = texts.size();
    int chunks = Math.max(1, Math.min(n / 512 + 1, 4 * parts));
    List<Part> stemmed =
        QuoteTasks.map(
            pool, chunks,
            c -> {
              Stemming stemming = new Stemming();
              int first = (int) ((long) n * c / chunks);
              int last = (int) ((long) n * (c + 1) / chunks);
              return stemming.part(texts.subList(first, last));
            });
    // The parts' stems and forms numbered across parts, stems in String order.
    Map<String, Integer> stemIds = new HashMap<>();
    Map<String, Integer> formIds = new HashMap<>();
    List<String> stemTexts = new ArrayList<>();
    List<String> formTexts = new ArrayList<>();
    List<int[][]> local = new ArrayList<>(); // per part: {stem ids, form ids} of its own ids
    for (Part part : stemmed) {
      int[] st = new int[part.stems().length];
      for (int k = 0; k < st.length; k++) {
        st[k] = stemIds.computeIfAbsent(part.stems()[k], x -> {
          stemTexts.add(x);
          return stemTexts.size() - 1;
        });
      }
      int[] fo = new int[part.forms().length];
      for (int k = 0; k < fo.length; k++) {
        fo[k] = formIds.computeIfAbsent(part.forms()[k], x -> {
          formTexts.add(x);
          return formTexts.size() - 1;
        });
      }
      local.add(new int[][] {st, fo});
    }
    String[] sorted = stemTexts.toArray(new String[0]);
    Integer[] order = new Integer[sorted.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> sorted[x].compareTo(sorted[y]));
    int[] rank = new int[sorted.length];
    String[] byRank = new String[sorted.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
      byRank[r] = sorted[order[r]];
    }
    int[] from = new int[n + 1];
    int q = 0;
    for (Part part : stemmed) {
      for (int k = 0; k < part.from().length - 1; k++, q++) {
        from[q + 1] = from[q] + part.from()[k + 1] - part.from()[k];
      }
    }
    int[] stem = new int[from[n]];
    int[] form = new int[from[n]];
    int at = 0;
    for (int p = 0; p < stemmed.size(); p++) {
      Part part = stemmed.get(p);
      int[] st = local.get(p)[0];
      int[] fo = local.get(p)[1];
      for (int k = 0; k < part.stem().length; k++, at++) {
        stem[at] = rank[st[part.stem()[k]]];
        form[at] = fo[part.form()[k]];
      }
    }
    return new QuoteStems(from, stem, form, byRank, formTexts.toArray(new String[0]), unweighted);
  }

  /**
   * The stems of a run of quotes in one part's own numbering: quote {@code k}'s stems at {@code
   * from[k]..from[k + 1]} of {@code stem} (ascending in String order) and {@code form}, ids into
   * {@code stems} and {@code forms}.
   */
  record Part(int[] from, int[] stem, int[] form, String[] stems, String[] forms) {}

  /** Quotes held. */
  int size() {
    return from.length - 1;
  }

  /** Distinct stems of quote {@code q}. */
  int count(int q) {
    return from[q + 1] - from[q];
  }

  /** Whether quote {@code q} has {@link QuoteGrouper#MIN_WORDS} stems or more (it may join a family). */
  boolean eligible(int q) {
    return count(q) >= QuoteGrouper.MIN_WORDS;
  }

  double total(int q) {
    return total[q];
  }

  /** Stems known (ids are 0 until this). */
  int stemCount() {
    return stems.length;
  }

  /** The quotes of at least {@link QuoteGrouper#MIN_WORDS} stems holding stem {@code s}. */
  int df(int s) {
    return df[s];
  }

  /** The {@code k}-th stem id of quote {@code q} and whether its form is a stop word. */
  int stem(int q, int k) {
    return stem[from[q] + k];
  }

  boolean stopWord(int q, int k) {
    return stop[form[from[q] + k]];
  }

  /**
   * The quote's rarest stems that are not stop words (by document frequency, then stem), at most
   * {@code most}.
   */
  int[] rarest(int q, int most) {
    int f = from[q];
    int t = from[q + 1];
    long[] keys = new long[t - f];
    int m = 0;
    for (int k = f; k < t; k++) {
      if (!stop[form[k]]) {
        keys[m++] = (long) df[stem[k]] << 32 | stem[k];
      }
    }
    Arrays.sort(keys, 0, m);
    int[] out = new int[Math.min(most, m)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) keys[i];
    }
    return out;
  }

  /** Stems both quotes share that are not stop words (in {@code a}'s forms). */
  int shared(int a, int b) {
    int n = 0;
    int x = from[a];
    int y = from[b];
    int xe = from[a + 1];
    int ye = from[b + 1];
    while (x < xe && y < ye) {
      int c = Integer.compare(stem[x], stem[y]);
      if (c == 0) {
        if (!stop[form[x]]) {
          n++;
        }
        x++;
        y++;
      } else if (c < 0) {
        x++;
      } else {
        y++;
      }
    }
    return n;
  }

  /**
   * The weight of the stems two quotes share (exactly or as spelling variants, see {@link
   * QuoteGrouper}) over the weight of the smaller one's stems, in [0, 1]; {@code spelling} keeps
   * the word similarities computed (null: none kept).
   */
  double similarity(int a, int b, Spelling spelling) {
    return similarity(a, b, spelling, -1);
  }

  /**
   * {@link #similarity(int, int, Spelling)}, or -1 as soon as it is sure to stay below {@code
   * bar} (when the stems matched exactly and every unmatched one of the smaller quote that may
   * be a spelling variant could not reach it): what decides a match without comparing spellings.
   */
  double similarity(int a, int b, Spelling spelling, double bar) {
    int small = total[a] <= total[b] ? a : b;
    int large = small == a ? b : a;
    int sf = from[small];
    int st = from[small + 1];
    int lf = from[large];
    int lt = from[large + 1];
    boolean[] used = new boolean[lt - lf];
    int[] unmatched = new int[st - sf];
    int u = 0;
    double shared = 0;
    double open = 0;
    for (int k = sf; k < st; k++) {
      int at = Arrays.binarySearch(stem, lf, lt, stem[k]);
      if (at >= 0) {
        used[at - lf] = true;
        shared += Math.min(weight[k], weight[at]);
      } else {
        unmatched[u++] = k;
        if (spellable[form[k]]) {
          open += weight[k];
        }
      }
    }
    if (bar >= 0 && (shared + open) / total[small] < bar - 1e-9) {
      return -1;
    }
    for (int i = 0; i < u; i++) {
      int k = unmatched[i];
      int f = form[k];
      if (!spellable[f]) {
        continue; // a changed number is no spelling variant
      }
      int bestAt = -1;
      double bestSim = QuoteGrouper.SPELLING_SIMILARITY;
      for (int m = lf; m < lt; m++) {
        int g = form[m];
        if (used[m - lf] || !spellable[g] || first[g] != first[f]
            || Math.abs(length[g] - length[f]) > 3) {
          continue; // a spelling variant keeps its first letter and about its length
        }
        double s = spelling == null ? JARO_WINKLER.apply(forms[f], forms[g]) : spelling.similarity(f, g);
        if (s >= bestSim) {
          bestSim = s;
          bestAt = m;
        }
      }
      if (bestAt >= 0) {
        used[bestAt - lf] = true;
        shared += Math.min(weight[k], weight[bestAt]);
      }
    }
    return total[small] == 0 ? 0 : Math.min(1.0, shared / total[small]);
  }

  /** The Dice overlap of two quotes' stem weights: shared weight over their mean weight. */
  double dice(int a, int b, Spelling spelling) {
    return dice(similarity(a, b, spelling), a, b);
  }

  double dice(double similarity, int a, int b) {
    return similarity * 2 * Math.min(total[a], total[b]) / (total[a] + total[b]);
  }

  /**
   * The Jaro-Winkler similarities of word forms one part of a grouping compared: a corpus's quotes
   * repeat the same words, and the similarity of two words was most of a grouping's time (a
   * 10,000-article corpus: 72 s of quote grouping, nearly all in Jaro-Winkler). Keyed by the two
   * forms' ids; holds at most {@value #MAX_ENTRIES} entries, then computes.
   */
  final class Spelling {
    static final int MAX_ENTRIES = 1 << 21;
    private final com.carrotsearch.hppc.LongDoubleHashMap known =
        new com.carrotsearch.hppc.LongDoubleHashMap();

    double similarity(int f, int g) {
      long key = (long) f << 32 | g;
      int slot = known.indexOf(key);
      if (known.indexExists(slot)) {
        return known.indexGet(slot);
      }
      double s = JARO_WINKLER.apply(forms[f], forms[g]);
      if (known.size() < MAX_ENTRIES) {
        known.indexInsert(slot, key, s);
      }
      return s;
    }
  }

  private static boolean alphabetic(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stems words for one part of a build: a Snowball stemmer, and each word form met with its
   * stem, found again by the word's characters (no string is made for a form met before).
   */
  static final class Stemming {
    private final WordStemmer stemmer;
    private final Map<String, Integer> stemIds = new HashMap<>();
    private final List<String> stems = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();
    /** Per form id: its stem's id and its characters' hash. */
    private int[] stemOfForm = new int[1024];
    private long[] formHash = new long[1024];
    /** Open addressing: form id + 1 by hash, 0 free. */
    private int[] slots = new int[2048];
    private final StringBuilder chars = new StringBuilder();
    // One quote's distinct stems (ids ascending by their text) and first forms, as met.
    private int[] quoteStems = new int[64];
    private int[] quoteForms = new int[64];

    Stemming() {
      this(new WordStemmer());
    }

    Stemming(WordStemmer stemmer) {
      this.stemmer = stemmer;
    }

    /** The stems of the texts, in this part's numbering. */
    Part part(List<String> texts) {
      int[] from = new int[texts.size() + 1];
      com.carrotsearch.hppc.IntArrayList stem = new com.carrotsearch.hppc.IntArrayList();
      com.carrotsearch.hppc.IntArrayList form = new com.carrotsearch.hppc.IntArrayList();
      for (int q = 0; q < texts.size(); q++) {
        int m = quote(texts.get(q));
        stem.add(quoteStems, 0, m);
        form.add(quoteForms, 0, m);
        from[q + 1] = stem.size();
      }
      return new Part(
          from, stem.toArray(), form.toArray(), stems.toArray(new String[0]),
          forms.toArray(new String[0]));
    }

    /**
     * The distinct stems of a text, sorted, and beside each the first word form it came from:
     * {@code {stems, forms}}. Stems are runs of letters and digits (a hyphen or apostrophe splits
     * them), folded ({@link SpeakerNames#fold}); single letters are left out.
     */
    String[][] stems(String text) {
      int m = quote(text);
      String[] outStems = new String[m];
      String[] outForms = new String[m];
      for (int k = 0; k < m; k++) {
        outStems[k] = stems.get(quoteStems[k]);
        outForms[k] = forms.get(quoteForms[k]);
      }
      return new String[][] {outStems, outForms};
    }

    /** Reads a text's words into {@code quoteStems} and {@code quoteForms}: how many distinct stems. */
    private int quote(String text) {
      int m = 0;
      int n = text.length();
      for (int i = next(text, 0, n); i >= 0; i = next(text, i, n)) {
        int f = runForm;
        int st = stemOfForm[f];
        // Insert the stem in String order unless the quote has it (its first form stays).
        String stemText = stems.get(st);
        int lo = 0;
        int hi = m;
        boolean known = false;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          int c = stems.get(quoteStems[mid]).compareTo(stemText);
          if (c < 0) {
            lo = mid + 1;
          } else if (c > 0) {
            hi = mid;
          } else {
            known = true;
            break;
          }
        }
        if (known) {
          continue;
        }
        if (m == quoteStems.length) {
          quoteStems = Arrays.copyOf(quoteStems, 2 * m);
          quoteForms = Arrays.copyOf(quoteForms, 2 * m);
        }
        System.arraycopy(quoteStems, lo, quoteStems, lo + 1, m - lo);
        System.arraycopy(quoteForms, lo, quoteForms, lo + 1, m - lo);
        quoteStems[lo] = st;
        quoteForms[lo] = f;
        m++;
      }
      return m;
    }

    /** Where the last word {@link #next} read starts in its text, and its form's id. */
    int runStart;

    int runForm;

    /**
     * Reads the next word of {@code text} at or after {@code i} and before {@code n}: a run of
     * letters and digits (a hyphen or apostrophe splits them) but a single letter, its start in
     * {@link #runStart} and its form in {@link #runForm}. Returns where the run ends, or -1 when
     * there is none.
     */
    int next(String text, int i, int n) {
      while (i < n) {
        if (!Character.isLetterOrDigit(text.charAt(i))) {
          i++;
          continue;
        }
        int s = i;
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          i++;
        }
        if (i - s < 2 && !Character.isDigit(text.charAt(s))) {
          continue;
        }
        runStart = s;
        runForm = form(text, s, i);
        return i;
      }
      return -1;
    }

    /**
     * The id of the form of {@code text[s..e)}, a run of letters and digits, folded ({@link
     * SpeakerNames#fold}), stemmed and numbered the first time it is met.
     */
    int form(String text, int s, int e) {
      boolean ascii = true;
      for (int k = s; k < e && ascii; k++) {
        ascii = text.charAt(k) < 0x80;
      }
      chars.setLength(0);
      if (ascii) {
        for (int k = s; k < e; k++) {
          char x = text.charAt(k);
          chars.append(x >= 'A' && x <= 'Z' ? (char) (x + 32) : x); // folding ASCII is lower-casing
        }
      } else {
        chars.append(SpeakerNames.fold(text.substring(s, e)));
      }
      return form(chars, ascii);
    }

    /** The stem id of form {@code f}, in this stemming's numbering. */
    int stemOf(int f) {
      return stemOfForm[f];
    }

    /** Stem {@code s}'s text and form {@code f}'s text. */
    String stem(int s) {
      return stems.get(s);
    }

    String formText(int f) {
      return forms.get(f);
    }

    /** Stems and forms numbered so far. */
    int stemCount() {
      return stems.size();
    }

    int formCount() {
      return forms.size();
    }

    /**
     * The id of the form {@code c} holds, stemmed and numbered the first time it is met; {@code
     * lower}: it is lower-cased ASCII already, which the stemmer need not lower-case again.
     */
    private int form(CharSequence c, boolean lower) {
      long h = dev.refrain.normalize.Hash64.hash(c, 0);
      int mask = slots.length - 1;
      for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
        int id = slots[slot] - 1;
        if (id < 0) {
          break;
        }
        if (formHash[id] == h && contentEquals(forms.get(id), c)) {
          return id;
        }
      }
      String text = c.toString();
      String st = lower ? stemmer.stemLowerCase(text) : stemmer.stem(text);
      int id = forms.size();
      forms.add(text);
      Integer s = stemIds.putIfAbsent(st, stems.size());
      if (s == null) {
        s = stems.size();
        stems.add(st);
      }
      if (id == stemOfForm.length) {
        stemOfForm = Arrays.copyOf(stemOfForm, 2 * id);
        formHash = Arrays.copyOf(formHash, 2 * id);
      }
      stemOfForm[id] = s;
      formHash[id] = h;
      if (2 * forms.size() > slots.length) {
        slots = new int[2 * slots.length];
        for (int k = 0; k < forms.size(); k++) {
          place(k, k == id ? h : formHash[k]);
        }
      } else {
        place(id, h);
      }
      return id;
    }

    private void place(int id, long h) {
      int mask = slots.length - 1;
      int slot = (int) h & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }

    private static boolean contentEquals(String s, CharSequence c) {
      if (s.length() != c.length()) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) != c.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
