package dev.refrain.quote;

import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.normalize.WordStemmer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Groups the quotes of many articles into {@link QuoteFamily quote families}: one quotation as
 * each article rendered it, matched by its words, not by shared runs of words (two translations
 * of one quote may share no five-word run: "The rest of the world will watch you" / "will be
 * watching").
 *
 * <p><b>Stems</b>: each quote's distinct word stems (Snowball English: "watching" is "watch"),
 * weighted by their inverse document frequency over all the quotes, {@code ln(1 + N / df)}, a
 * stop word a tenth of that. <b>Similarity</b> of two quotes: the weight of the stems they share
 * over the weight of the smaller quote's stems (so a trimmed quote matches its fuller form); a
 * stem left unmatched on both sides matches one that is a spelling variant of it (Jaro-Winkler
 * similarity of the words at least {@value #SPELLING_SIMILARITY}: "relations" / "relationship",
 * "Antony" / "Anthony"; only words of letters with the same first letter and lengths at most 3
 * apart are compared: a changed number is no spelling variant). Two quotes are one quotation when they share at least {@value
 * #MIN_SHARED_STEMS} stems that are not stop words and their similarity reaches a bar set by
 * their speakers: {@value #SAME_SPEAKER} when both name the same speaker (across articles: see
 * {@link SpeakerNames}), {@value #ONE_UNKNOWN} when one names none or only describes (with a
 * Dice overlap of at least {@value #MIN_DICE}), {@value #OTHER_SPEAKER} when they name two
 * speakers (the attribution changed). Families are the connected groups of matched quotes that
 * span two articles or more.
 *
 * <p><b>Blocking</b>, so the work stays linear in the quotes: a quote is compared only through
 * its {@value #BLOCKING_STEMS} rarest stems (not stop words): with every quote holding a stem
 * that at most {@value #MAX_POSTINGS} quotes hold, and with the {@value #NEIGHBOURS} quotes
 * before it among those holding a commoner stem (a quotation a thousand articles repeat is one
 * family through such chains). A quote is compared with at most {@code 6 * 50} others, whatever
 * the corpus size.
 *
 * <p>Quotes of fewer than {@value #MIN_WORDS} words (scare quotes: “spy”, “realistic”) join no
 * family. Plain serializable Java; the result depends only on the renderings and their order.
 */
public final class QuoteGrouper implements Serializable {
  private static final long serialVersionUID = 1L;

  static final int MIN_WORDS = 3;
  static final int MIN_SHARED_STEMS = 2;
  static final double SAME_SPEAKER = 0.45;
  static final double ONE_UNKNOWN = 0.6;
  static final double OTHER_SPEAKER = 0.75;
  static final double MIN_DICE = 0.5;
  static final double SPELLING_SIMILARITY = 0.92;
  static final int BLOCKING_STEMS = 6;
  /** Blocking stems another quote must hold (of the quote's, or all it has when fewer). */
  static final int BLOCKING_HITS = 2;
  static final int MAX_POSTINGS = 50;
  /** Quotes before it in a common stem's postings a quote is compared with. */
  static final int NEIGHBOURS = 8;
  static final double STOP_WORD_WEIGHT = 0.1;
  /** Members the canonical rendering is chosen against: the first 32 (a family of 10^4 costs 3 * 10^5 comparisons). */
  static final int CANONICAL_SAMPLE = 32;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  static final Set<String> STOP_WORDS =
      Set.copyOf(
          List.of(
              "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with",
              "by", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
              "this", "that", "these", "those", "we", "our", "us", "you", "your", "they", "their",
              "he", "his", "she", "her", "i", "my", "me", "not", "no", "will", "would", "can",
              "could", "should", "shall", "may", "might", "must", "do", "does", "did", "have",
              "has", "had", "there", "here", "so", "if", "than", "then", "which", "who", "whom",
              "what", "all", "any", "some", "into", "about", "also", "very", "more", "most",
              "such", "only", "own", "same", "too", "s", "t", "them", "him", "one", "two", "up",
              "out", "over", "under", "again", "just", "now", "how", "why", "when", "where"));

  private final VariantDiffer differ = new VariantDiffer();

  /** The stems of one quote: distinct, sorted, with their first word forms and weights. */
  record Stems(String[] stems, String[] forms, double[] weights, double total, int count) {}

  /** Families of the renderings (of any number of articles), largest first. */
  public List<QuoteFamily> group(List<Rendering> renderings) {
    return group(renderings, List.of(), () -> {});
  }

  /**
   * Families of the renderings, each speaker named by the form of their name most articles use:
   * {@code people} holds each article's people named in full (see {@link SpeakerNames}).
   */
  public List<QuoteFamily> group(List<Rendering> renderings, List<List<String>> people) {
    return group(renderings, people, () -> {});
  }

  /**
   * {@link #group(List)}, telling {@code compared} each time two quotes are compared (at most
   * {@code BLOCKING_STEMS * MAX_POSTINGS} times a quote).
   */
  List<QuoteFamily> group(List<Rendering> renderings, Runnable compared) {
    return group(renderings, List.of(), compared);
  }

  private List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, Runnable compared) {
    int n = renderings.size();
    WordStemmer stemmer = new WordStemmer();
    List<String[][]> raw = new ArrayList<>(n);
    Map<String, Integer> df = new HashMap<>();
    int eligible = 0;
    for (Rendering r : renderings) {
      String[][] sf = stems(r.text(), stemmer);
      raw.add(sf);
      if (sf[0].length >= MIN_WORDS) {
        eligible++;
        for (String s : sf[0]) {
          df.merge(s, 1, Integer::sum);
        }
      }
    }
    Stems[] words = new Stems[n];
    for (int i = 0; i < n; i++) {
      String[][] sf = raw.get(i);
      if (sf[0].length < MIN_WORDS) {
        continue;
      }
      words[i] = weighed(sf, df, eligible);
    }
    SpeakerNames names = new SpeakerNames(renderings, people);
    String[][] speakers = new String[n][];
    for (int i = 0; i < n; i++) {
      speakers[i] = names.resolve(renderings.get(i).quote().speaker());
    }

    // Postings of the stems rare enough to block on.
    int maxPostings = MAX_POSTINGS;
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (words[i] == null) {
        continue;
      }
      for (int k = 0; k < words[i].count(); k++) {
        String s = words[i].stems()[k];
        if (!STOP_WORDS.contains(words[i].forms()[k])) {
          List<Integer> post = postings.computeIfAbsent(s, x -> new ArrayList<>());
          if (post.isEmpty() || post.get(post.size() - 1) != i) {
            post.add(i); // once a quote, however often it says the word
          }
        }
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    SpellingCache spelling = new SpellingCache();
    // A quote is compared with another once the other holds two of its blocking stems (its
    // rarest): one shared rare word is most often chance (a 10,000-article corpus with five
    // quotes an article compared 15 million pairs on one shared stem, 72 s of its scan; two make
    // a reworded quote's family, "the rest of the world will watch you" / "will be watching").
    int[] stamp = new int[n]; // i + 1 once j's hits for i are counted in hits[j]
    int[] hits = new int[n];
    for (int i = 0; i < n; i++) {
      if (words[i] == null) {
        continue;
      }
      List<String> blocking = rarest(words[i], df);
      int need = Math.min(BLOCKING_HITS, blocking.size());
      for (String s : blocking) {
        List<Integer> post = postings.get(s);
        int from = 0;
        int to = post.size();
        if (post.size() > maxPostings) {
          // A common stem: only the quotes just before this one in its postings, which chains
          // a quotation many articles repeat into one family at linear cost.
          to = java.util.Collections.binarySearch(post, i);
          from = Math.max(0, to - NEIGHBOURS);
        }
        for (int j : post.subList(from, to)) {
          if (j == i) {
            continue;
          }
          if (stamp[j] != i + 1) {
            stamp[j] = i + 1;
            hits[j] = 0;
          }
          if (++hits[j] != need || find(parent, i) == find(parent, j)) {
            continue;
          }
          compared.run();
          if (words[j] == null || shared(words[i], words[j]) < MIN_SHARED_STEMS) {
            continue; // most candidates share only the stems that proposed them: no similarity
          }
          double sim = similarityOf(words[i], words[j], spelling);
          if (accepts(words[i], words[j], sim, speakers[i], speakers[j])) {
            union(parent, i, j);
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (words[i] != null) {
        groups.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
      }
    }
    List<QuoteFamily> out = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      g.sort(Comparator.comparingInt((Integer i) -> renderings.get(i).article())
          .thenComparingInt(i -> renderings.get(i).quote().start()));
      if (renderings.get(g.get(0)).article() == renderings.get(g.get(g.size() - 1)).article()) {
        continue;
      }
      out.add(family(g, renderings, words, speakers, spelling));
    }
    out.sort(
        Comparator.comparingInt(QuoteFamily::articleCount).reversed()
            .thenComparingInt(f -> f.members().get(0).rendering().article())
            .thenComparingInt(f -> f.members().get(0).rendering().quote().start()));
    return out;
  }

  private QuoteFamily family(
      List<Integer> g, List<Rendering> renderings, Stems[] words, String[][] speakers,
      SpellingCache spelling) {
    // The speaker most members name; ties go to the one named first.
    Map<String, Integer> votes = new HashMap<>();
    Map<String, String[]> byKey = new HashMap<>();
    String speakerKey = null;
    for (int i : g) {
      if (speakers[i] != null) {
        int v = votes.merge(speakers[i][0], 1, Integer::sum);
        byKey.putIfAbsent(speakers[i][0], speakers[i]);
        if (speakerKey == null || v > votes.get(speakerKey)) {
          speakerKey = speakers[i][0];
        }
      }
    }
    // The canonical rendering: most similar to the others, the speaker's own first.
    int canonical = 0;
    double bestScore = -1;
    for (int a = 0; a < g.size(); a++) {
      double score = 0;
      for (int b = 0; b < Math.min(g.size(), CANONICAL_SAMPLE); b++) {
        if (a != b) {
          score += dice(words[g.get(a)], words[g.get(b)], spelling);
        }
      }
      if (speakers[g.get(a)] != null && speakers[g.get(a)][0].equals(speakerKey)) {
        score += 1e-3;
      }
      if (score > bestScore + 1e-9) {
        bestScore = score;
        canonical = a;
      }
    }
    Rendering canon = renderings.get(g.get(canonical));
    List<QuoteFamily.Member> members = new ArrayList<>();
    for (int a = 0; a < g.size(); a++) {
      int i = g.get(a);
      Rendering r = renderings.get(i);
      Speaker said = r.quote().speaker();
      QuoteFamily.Attribution attribution;
      if (speakers[i] != null) {
        attribution =
            speakers[i][0].equals(speakerKey)
                ? QuoteFamily.Attribution.SPEAKER
                : QuoteFamily.Attribution.OTHER;
      } else {
        attribution = said == null ? QuoteFamily.Attribution.NONE : QuoteFamily.Attribution.UNNAMED;
      }
      List<Edit> diff =
          a == canonical
              ? List.of()
              : differ.diff(canon.words(), 0, canon.words().size(), r.words(), 0, r.words().size());
      double sim =
          a == canonical ? 1.0 : similarityOf(words[g.get(canonical)], words[i], spelling);
      String named = speakers[i] != null ? speakers[i][1] : said == null ? null : said.name();
      members.add(new QuoteFamily.Member(r, named, attribution, sim, diff));
    }
    String[] sp = speakerKey == null ? null : byKey.get(speakerKey);
    return new QuoteFamily(
        sp == null ? null : sp[1], sp == null ? null : Speaker.Type.valueOf(sp[2]), canonical,
        members);
  }

  /**
   * A text's stems {@code sf} ({@link #stems}) weighed by inverse document frequency among
   * {@code eligible} texts, {@code df} counting the texts holding each stem; a stop word weighs
   * {@value #STOP_WORD_WEIGHT} of that.
   */
  static Stems weighed(String[][] sf, Map<String, Integer> df, int eligible) {
    double[] w = new double[sf[0].length];
    double total = 0;
    for (int k = 0; k < w.length; k++) {
      double idf = Math.log(1.0 + (double) eligible / df.get(sf[0][k]));
      w[k] = STOP_WORDS.contains(sf[1][k]) ? idf * STOP_WORD_WEIGHT : idf;
      total += w[k];
    }
    return new Stems(sf[0], sf[1], w, total, sf[0].length);
  }

  private static boolean accepts(Stems a, Stems b, double sim, String[] sa, String[] sb) {
    if (shared(a, b) < MIN_SHARED_STEMS) {
      return false;
    }
    if (sa != null && sb != null) {
      return sim >= (sa[0].equals(sb[0]) ? SAME_SPEAKER : OTHER_SPEAKER);
    }
    return sim >= ONE_UNKNOWN && dice(sim, a, b) >= MIN_DICE;
  }

  /** Stems both share that are not stop words. */
  static int shared(Stems a, Stems b) {
    int n = 0;
    int x = 0;
    int y = 0;
    String[] sa = a.stems();
    String[] sb = b.stems();
    while (x < sa.length && y < sb.length) {
      int c = sa[x].compareTo(sb[y]);
      if (c == 0) {
        if (!STOP_WORDS.contains(a.forms()[x])) {
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
   * The weight of the stems two quotes share (exactly or as spelling variants) over the weight
   * of the smaller one's stems, in [0, 1].
   */
  static double similarityOf(Stems a, Stems b) {
    return similarityOf(a, b, null);
  }

  /**
   * The Jaro-Winkler similarities of word forms already compared in one grouping: a corpus's
   * quotes repeat the same words, and the similarity of two words was most of a grouping's time
   * (a 10,000-article corpus: 72 s of quote grouping, nearly all in Jaro-Winkler). Keyed by a
   * 64-bit hash of the two forms; holds at most {@value #MAX_ENTRIES} entries, then computes.
   */
  static final class SpellingCache {
    static final int MAX_ENTRIES = 1 << 21;
    private final com.carrotsearch.hppc.LongDoubleHashMap known =
        new com.carrotsearch.hppc.LongDoubleHashMap();

    double similarity(String a, String b) {
      long key =
          dev.refrain.normalize.Hash64.mix(
              dev.refrain.normalize.Hash64.hash(a, 1) * 0x9E3779B97F4A7C15L
                  ^ dev.refrain.normalize.Hash64.hash(b, 2));
      int slot = known.indexOf(key);
      if (known.indexExists(slot)) {
        return known.indexGet(slot);
      }
      double s = JARO_WINKLER.apply(a, b);
      if (known.size() < MAX_ENTRIES) {
        known.indexInsert(slot, key, s);
      }
      return s;
    }
  }

  /** {@link #similarityOf(Stems, Stems)}, word similarities looked up in {@code spelling}. */
  static double similarityOf(Stems a, Stems b, SpellingCache spelling) {
    Stems small = a.total() <= b.total() ? a : b;
    Stems large = small == a ? b : a;
    boolean[] usedLarge = new boolean[large.count()];
    double shared = 0;
    List<Integer> unmatched = new ArrayList<>();
    for (int k = 0; k < small.count(); k++) {
      int at = Arrays.binarySearch(large.stems(), small.stems()[k]);
      if (at >= 0) {
        usedLarge[at] = true;
        shared += Math.min(small.weights()[k], large.weights()[at]);
      } else {
        unmatched.add(k);
      }
    }
    for (int k : unmatched) {
      String form = small.forms()[k];
      if (form.length() < 4 || !alphabetic(form)) {
        continue; // a changed number is no spelling variant
      }
      int bestAt = -1;
      double bestSim = SPELLING_SIMILARITY;
      for (int m = 0; m < large.count(); m++) {
        String other = large.forms()[m];
        if (usedLarge[m] || other.length() < 4 || !alphabetic(other) || other.charAt(0) != form.charAt(0)
            || Math.abs(other.length() - form.length()) > 3) {
          continue; // a spelling variant keeps its first letter and about its length
        }
        double s =
            spelling == null ? JARO_WINKLER.apply(form, other) : spelling.similarity(form, other);
        if (s >= bestSim) {
          bestSim = s;
          bestAt = m;
        }
      }
      if (bestAt >= 0) {
        usedLarge[bestAt] = true;
        shared += Math.min(small.weights()[k], large.weights()[bestAt]);
      }
    }
    return small.total() == 0 ? 0 : Math.min(1.0, shared / small.total());
  }

  private static boolean alphabetic(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The Dice overlap of two quotes' stem weights: shared weight over their mean weight. */
  private static double dice(Stems a, Stems b, SpellingCache spelling) {
    return dice(similarityOf(a, b, spelling), a, b);
  }

  private static double dice(double similarity, Stems a, Stems b) {
    return similarity * 2 * Math.min(a.total(), b.total()) / (a.total() + b.total());
  }

  /** {@link #similarityOf} of two texts, weighting every stem 1: for tests and diagnostics. */
  static double similarityOfTexts(String a, String b) {
    WordStemmer stemmer = new WordStemmer();
    return similarityOf(unweighted(stems(a, stemmer)), unweighted(stems(b, stemmer)));
  }

  private static Stems unweighted(String[][] sf) {
    double[] w = new double[sf[0].length];
    Arrays.fill(w, 1.0);
    return new Stems(sf[0], sf[1], w, w.length, w.length);
  }

  /** The quote's rarest stems that are not stop words, at most {@value #BLOCKING_STEMS}. */
  private static List<String> rarest(Stems w, Map<String, Integer> df) {
    List<String> candidates = new ArrayList<>();
    for (int k = 0; k < w.count(); k++) {
      if (!STOP_WORDS.contains(w.forms()[k])) {
        candidates.add(w.stems()[k]);
      }
    }
    candidates.sort(Comparator.comparingInt((String s) -> df.get(s)).thenComparing(s -> s));
    return candidates.subList(0, Math.min(BLOCKING_STEMS, candidates.size()));
  }

  /**
   * The distinct stems of a text, sorted, and beside each the first word form it came from:
   * {@code {stems, forms}}. Stems are runs of letters and digits (a hyphen or apostrophe splits
   * them), lower-cased; single letters are left out.
   */
  static String[][] stems(String text, WordStemmer stemmer) {
    Map<String, String> byStem = new java.util.TreeMap<>();
    int n = text.length();
    int i = 0;
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
      String form = SpeakerNames.fold(text.substring(s, i));
      byStem.putIfAbsent(stemmer.stem(form), form);
    }
    String[] stems = byStem.keySet().toArray(new String[0]);
    String[] forms = new String[stems.length];
    for (int k = 0; k < stems.length; k++) {
      forms[k] = byStem.get(stems[k]);
    }
    return new String[][] {stems, forms};
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
