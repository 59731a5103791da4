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
import java.util.concurrent.ExecutorService;

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
 * <p><b>Work</b>: each quote is stemmed once ({@link QuoteStems}: stems and word forms as int
 * ids, a comparison reads primitive arrays), a word's spelling similarity computed once a part;
 * with a pool (the scan's threads) the stems are found, the quotes compared a block of {@value
 * #BLOCK_QUOTES} a part at a time against the families found before (then the block's matches
 * merged) and the families built on it. A match depends only on its two quotes, so the families
 * are the same, in the same order, whatever the threads.
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

  /** Quotes a part compares between two merges of the families found, when the work is split. */
  static final int BLOCK_QUOTES = 4096;

  private final VariantDiffer differ = new VariantDiffer();

  /** Families of the renderings (of any number of articles), largest first. */
  public List<QuoteFamily> group(List<Rendering> renderings) {
    return group(renderings, List.of(), null, 1, () -> {});
  }

  /**
   * Families of the renderings, each speaker named by the form of their name most articles use:
   * {@code people} holds each article's people named in full (see {@link SpeakerNames}).
   */
  public List<QuoteFamily> group(List<Rendering> renderings, List<List<String>> people) {
    return group(renderings, people, null, 1, () -> {});
  }

  /**
   * {@link #group(List, List)}, its work split in about {@code parts} parts a time run on {@code
   * pool} (the scan's worker threads): the same families in the same order, whatever the pool
   * and the parts.
   */
  public List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, ExecutorService pool, int parts) {
    return group(renderings, people, pool, parts, () -> {});
  }

  /**
   * {@link #group(List, List, ExecutorService, int)} of renderings grouped without their words
   * ({@link Rendering#withoutWords}): {@code words} gives the members of the families theirs
   * before their variants are diffed, so only they hold words.
   */
  public List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, ExecutorService pool, int parts,
      WordsOf words) {
    return group(renderings, people, pool, parts, BLOCK_QUOTES, () -> {}, words);
  }

  /** Gives renderings grouped without their words the words of their quotes. */
  @FunctionalInterface
  public interface WordsOf {
    /**
     * The renderings {@code members} (ascending indices into the renderings grouped) with their
     * words, in that order.
     */
    List<Rendering> withWords(int[] members);
  }

  /**
   * {@link #group(List)}, telling {@code compared} each time two quotes are compared (at most
   * {@code BLOCKING_STEMS * MAX_POSTINGS} times a quote).
   */
  List<QuoteFamily> group(List<Rendering> renderings, Runnable compared) {
    return group(renderings, List.of(), null, 1, compared);
  }

  /**
   * {@link #group(List, List, ExecutorService, int)}, comparing {@code blockQuotes} quotes a
   * part between two merges (tests split small sets in many blocks).
   */
  List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, ExecutorService pool, int parts,
      int blockQuotes) {
    return group(renderings, people, pool, parts, blockQuotes, () -> {}, null);
  }

  private List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, ExecutorService pool, int parts,
      Runnable compared) {
    return group(renderings, people, pool, parts, BLOCK_QUOTES, compared, null);
  }

  private List<QuoteFamily> group(
      List<Rendering> renderings, List<List<String>> people, ExecutorService pool, int parts,
      int blockQuotes, Runnable compared, WordsOf words) {
    int n = renderings.size();
    List<String> texts = new ArrayList<>(n);
    for (Rendering r : renderings) {
      texts.add(r.text());
    }
    QuoteStems q = QuoteStems.of(texts, pool, parts);
    SpeakerNames names = new SpeakerNames(renderings, people);
    String[][] speakers = new String[n][];
    for (int i = 0; i < n; i++) {
      speakers[i] = names.resolve(renderings.get(i).quote().speaker());
    }

    // Postings of the stems rare enough to block on: the quotes holding each, ascending.
    int[] postFrom = new int[q.stemCount() + 1];
    for (int i = 0; i < n; i++) {
      for (int k = 0; q.eligible(i) && k < q.count(i); k++) {
        if (!q.stopWord(i, k)) {
          postFrom[q.stem(i, k) + 1]++;
        }
      }
    }
    for (int s = 0; s < q.stemCount(); s++) {
      postFrom[s + 1] += postFrom[s];
    }
    int[] post = new int[postFrom[q.stemCount()]];
    int[] fill = Arrays.copyOf(postFrom, q.stemCount());
    for (int i = 0; i < n; i++) {
      for (int k = 0; q.eligible(i) && k < q.count(i); k++) {
        if (!q.stopWord(i, k)) {
          post[fill[q.stem(i, k)]++] = i; // once a quote, however often it says the word
        }
      }
    }
    Blocking blocking = new Blocking(q, speakers, postFrom, post);

    // The quotes are compared a block at a time, each block's parts on the pool against the
    // families the blocks before found (and their own), then the block's matches merged: a
    // match depends only on the two quotes, so the families do not depend on the split.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    java.util.Deque<Scratch> scratches = new java.util.concurrent.ConcurrentLinkedDeque<>();
    boolean split = pool != null && parts > 1;
    int block = split ? blockQuotes * parts : Math.max(1, n);
    int tasks = split ? 4 * parts : 1;
    long comparisons = 0;
    for (int b = 0; b < n; b += block) {
      int begin = b;
      int end = Math.min(n, b + block);
      List<Matches> found =
          QuoteTasks.map(
              pool, tasks,
              t -> {
                Scratch scratch = scratches.poll();
                if (scratch == null) {
                  scratch = new Scratch(n, q);
                }
                try {
                  return blocking.compare(
                      parent, begin + (int) ((long) (end - begin) * t / tasks),
                      begin + (int) ((long) (end - begin) * (t + 1) / tasks), scratch);
                } finally {
                  scratches.add(scratch);
                }
              });
      for (Matches m : found) {
        comparisons += m.compared();
        for (long pair : m.pairs()) {
          union(parent, (int) (pair >>> 32), (int) pair);
        }
      }
    }
    for (long c = 0; c < comparisons; c++) {
      compared.run();
    }

    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (q.eligible(i)) {
        groups.computeIfAbsent(find(parent, i), x -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> spanning = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      g.sort(Comparator.comparingInt((Integer i) -> renderings.get(i).article())
          .thenComparingInt(i -> renderings.get(i).quote().start()));
      if (renderings.get(g.get(0)).article() != renderings.get(g.get(g.size() - 1)).article()) {
        spanning.add(g);
      }
    }
    List<Rendering> members = withWords(renderings, spanning, words);
    int familyTasks = split ? Math.min(spanning.size(), 8 * parts) : 1;
    List<QuoteFamily> out = new ArrayList<>(spanning.size());
    for (List<QuoteFamily> part :
        QuoteTasks.map(
            pool, familyTasks,
            t -> {
              Scratch scratch = scratches.poll();
              if (scratch == null) {
                scratch = new Scratch(0, q);
              }
              try {
                List<QuoteFamily> made = new ArrayList<>();
                int size = spanning.size();
                for (int f = (int) ((long) size * t / familyTasks);
                    f < (long) size * (t + 1) / familyTasks; f++) {
                  made.add(family(spanning.get(f), members, q, speakers, scratch.spelling));
                }
                return made;
              } finally {
                scratches.add(scratch);
              }
            })) {
      out.addAll(part);
    }
    out.sort(
        Comparator.comparingInt(QuoteFamily::articleCount).reversed()
            .thenComparingInt(f -> f.members().get(0).rendering().article())
            .thenComparingInt(f -> f.members().get(0).rendering().quote().start()));
    return out;
  }

  /** The renderings, those of the families given their words by {@code words} (when not null). */
  private static List<Rendering> withWords(
      List<Rendering> renderings, List<List<Integer>> spanning, WordsOf words) {
    if (words == null) {
      return renderings;
    }
    int count = 0;
    for (List<Integer> g : spanning) {
      count += g.size();
    }
    int[] members = new int[count];
    int k = 0;
    for (List<Integer> g : spanning) {
      for (int i : g) {
        members[k++] = i;
      }
    }
    Arrays.sort(members);
    List<Rendering> full = words.withWords(members);
    if (full.size() != members.length) {
      throw new IllegalStateException(
          "words for " + full.size() + " renderings, " + members.length + " asked");
    }
    Rendering[] out = renderings.toArray(new Rendering[0]);
    for (k = 0; k < members.length; k++) {
      out[members[k]] = full.get(k);
    }
    return Arrays.asList(out);
  }

  /** The matches a part of the quotes found: pairs {@code i << 32 | j}, and the comparisons made. */
  private record Matches(long[] pairs, long compared) {}

  /**
   * What one part compares with: a quote's counts of blocking stems shared with each other
   * quote ({@code hits}, valid where {@code stamp} is the quote's number + 1), the matches it
   * found on top of the families merged so far, and the spelling similarities it computed.
   */
  private static final class Scratch {
    final int[] stamp;
    final int[] hits;
    /** A root of the merged families to the root it joined in this part, or -1. */
    final int[] joined;
    final com.carrotsearch.hppc.IntArrayList touched = new com.carrotsearch.hppc.IntArrayList();
    final QuoteStems.Spelling spelling;

    Scratch(int n, QuoteStems q) {
      stamp = new int[n];
      hits = new int[n];
      joined = new int[n];
      Arrays.fill(joined, -1);
      spelling = q.new Spelling();
    }

    /** The family of {@code x}: its root among the merged families, then among this part's matches. */
    int root(int[] parent, int x) {
      while (parent[x] != x) {
        x = parent[x];
      }
      while (joined[x] >= 0) {
        x = joined[x];
      }
      return x;
    }

    void join(int[] parent, int a, int b) {
      int ra = root(parent, a);
      int rb = root(parent, b);
      if (ra != rb) {
        joined[Math.max(ra, rb)] = Math.min(ra, rb);
        touched.add(Math.max(ra, rb));
      }
    }

    void forget() {
      for (int k = 0; k < touched.size(); k++) {
        joined[touched.get(k)] = -1;
      }
      touched.clear();
    }
  }

  /** The comparisons of quotes through their rarest stems' postings. */
  private record Blocking(QuoteStems q, String[][] speakers, int[] postFrom, int[] post) {

    /**
     * Compares quotes {@code from..to} with those sharing their blocking stems. A quote is
     * compared with another once the other holds two of its blocking stems (its rarest): one
     * shared rare word is most often chance (a 10,000-article corpus with five quotes an article
     * compared 15 million pairs on one shared stem, 72 s of its scan; two make a reworded
     * quote's family, "the rest of the world will watch you" / "will be watching"). Quotes
     * already of one family (merged, or matched in this part) are not compared.
     */
    Matches compare(int[] parent, int from, int to, Scratch s) {
      com.carrotsearch.hppc.LongArrayList pairs = new com.carrotsearch.hppc.LongArrayList();
      long compared = 0;
      for (int i = from; i < to; i++) {
        if (!q.eligible(i)) {
          continue;
        }
        int[] rarest = q.rarest(i, BLOCKING_STEMS);
        int need = Math.min(BLOCKING_HITS, rarest.length);
        for (int stem : rarest) {
          int lo = postFrom[stem];
          int hi = postFrom[stem + 1];
          if (hi - lo > MAX_POSTINGS) {
            // A common stem: only the quotes just before this one in its postings, which
            // chains a quotation many articles repeat into one family at linear cost.
            hi = Arrays.binarySearch(post, lo, hi, i);
            lo = Math.max(lo, hi - NEIGHBOURS);
          }
          for (int p = lo; p < hi; p++) {
            int j = post[p];
            if (j == i) {
              continue;
            }
            if (s.stamp[j] != i + 1) {
              s.stamp[j] = i + 1;
              s.hits[j] = 0;
            }
            if (++s.hits[j] != need || s.root(parent, i) == s.root(parent, j)) {
              continue;
            }
            compared++;
            if (q.shared(i, j) < MIN_SHARED_STEMS) {
              continue; // most candidates share only the stems that proposed them: no similarity
            }
            if (accepts(q, i, j, speakers[i], speakers[j], s.spelling)) {
              pairs.add((long) i << 32 | j);
              s.join(parent, i, j);
            }
          }
        }
      }
      s.forget();
      return new Matches(pairs.toArray(), compared);
    }
  }

  private QuoteFamily family(
      List<Integer> g, List<Rendering> renderings, QuoteStems q, String[][] speakers,
      QuoteStems.Spelling spelling) {
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
          score += q.dice(g.get(a), g.get(b), spelling);
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
      double sim = a == canonical ? 1.0 : q.similarity(g.get(canonical), i, spelling);
      String named = speakers[i] != null ? speakers[i][1] : said == null ? null : said.name();
      members.add(new QuoteFamily.Member(r, named, attribution, sim, diff));
    }
    String[] sp = speakerKey == null ? null : byKey.get(speakerKey);
    return new QuoteFamily(
        sp == null ? null : sp[1], sp == null ? null : Speaker.Type.valueOf(sp[2]), canonical,
        members);
  }

  /**
   * Whether quotes {@code a} and {@code b} (sharing {@value #MIN_SHARED_STEMS} stems) are one
   * quotation, by their similarity against the bar their speakers set.
   */
  private static boolean accepts(
      QuoteStems q, int a, int b, String[] sa, String[] sb, QuoteStems.Spelling spelling) {
    boolean both = sa != null && sb != null;
    double bar = both ? (sa[0].equals(sb[0]) ? SAME_SPEAKER : OTHER_SPEAKER) : ONE_UNKNOWN;
    double sim = q.similarity(a, b, spelling, bar);
    if (sim < 0) {
      return false; // below the bar however the spellings compare
    }
    if (both) {
      return sim >= bar;
    }
    return sim >= ONE_UNKNOWN && q.dice(sim, a, b) >= MIN_DICE;
  }

  /** The similarity of two texts, weighting every stem 1: for tests and diagnostics. */
  static double similarityOfTexts(String a, String b) {
    return QuoteStems.unweighted(List.of(a, b)).similarity(0, 1, null);
  }

  /**
   * The distinct stems of a text, sorted, and beside each the first word form it came from:
   * {@code {stems, forms}}. Stems are runs of letters and digits (a hyphen or apostrophe splits
   * them), lower-cased; single letters are left out.
   */
  static String[][] stems(String text, WordStemmer stemmer) {
    return new QuoteStems.Stemming(stemmer).stems(text);
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
