package dev.refrain.template;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.normalize.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Learns template text from fingerprint document frequencies, once, before any pair is formed:
 * the work is linear in the number of fingerprints, never quadratic in the articles sharing a
 * footer (a footer carried by 10,000 articles would otherwise be 5 * 10^7 pairs to align).
 *
 * <p>The rule, in one place:
 *
 * <ol>
 *   <li><b>Frequent in a source</b>: a fingerprint held by at least {@code minArticles}
 *       articles of one source (articles with no source count as one source), or by more than
 *       {@code maxBucket} articles of the whole corpus, no source holding half of them
 *       (corpus-wide).
 *   <li><b>At the edges, consistently</b>: in each article, consecutive frequent fingerprints
 *       form runs. A run is at the edge when it starts within the head or ends within the tail
 *       ({@value #EDGE_WORDS} words, or a tenth of the article if more). When the runs of an
 *       article cover more than half of it, they are its <em>main content</em>. A
 *       fingerprint is template text of a source when at least {@code minArticles} of that
 *       source's articles hold it in edge runs and those are at least {@value #EDGE_PERCENT}% of
 *       the source's articles holding it (a background paragraph an outlet repeats mid-story is
 *       not a template); corpus-wide, when {@value #EDGE_PERCENT}% of all its holders have it at
 *       the edge.
 *   <li><b>Never main content</b>: text some articles hold as their main content (the wire
 *       story an outlet reprints, the source document answers paste) is never template, unless
 *       those articles are fewer than one in {@value #MAIN_VETO} of the edge holders (a stub made
 *       of little but the footer must not undo a footer of a thousand articles).
 *   <li>Text that several sources each carry once or twice is never frequent in any source:
 *       syndication stays reuse.
 * </ol>
 *
 * <p>Template fingerprints that occur in one run join one template. A template's text is then
 * learned precisely from up to {@value #SAMPLE} of its carriers (fingerprints are a sample, about
 * one shingle in four): every shingle between a run's first and last template fingerprint held by
 * at least {@code min(minArticles, carriers sampled)} of them (and at least 2) is a template
 * shingle, and so is one within a window around that core held by at least half of them. Body
 * text next to a footer differs from article to article and is left out.
 */
public final class TemplateLearner {
  /** The least head or tail, in words, within which a run is at the edge. */
  static final int EDGE_WORDS = 5;

  /** Share of a fingerprint's holders that must hold it at the edge, in percent. */
  static final int EDGE_PERCENT = 80;

  /** Main-content holders veto a template when they are at least one in this many edge holders. */
  static final int MAIN_VETO = 20;

  /** Carriers of one template read to learn its shingles. */
  static final int SAMPLE = 32;

  private static final long CORPUS_WIDE = 0x5bd1_e995_c0de_f00dL;

  private final int minArticles;
  private final int maxBucket;
  private final int shingleSize;
  private final int window;

  /**
   * @param minArticles articles of one source that must carry text at their edges for it to be a
   *     template, at least 2
   * @param maxBucket document frequency above which a fingerprint proposes no pairs; text held
   *     by more articles than this at their edges, across sources, is corpus-wide template
   * @param shingleSize words per shingle
   * @param window shingles per winnowing window
   */
  public TemplateLearner(int minArticles, int maxBucket, int shingleSize, int window) {
    if (minArticles < 2) {
      throw new IllegalArgumentException("minArticles must be at least 2, was " + minArticles);
    }
    this.minArticles = minArticles;
    this.maxBucket = maxBucket;
    this.shingleSize = shingleSize;
    this.window = window;
  }

  /**
   * Whether a fingerprint held by {@code holders} articles of the whole corpus may be frequent
   * (step 1 below): one held by fewer never is, whatever its sources.
   */
  public boolean mayBeFrequent(int holders) {
    return holders >= minArticles;
  }

  /**
   * An article's fingerprints reduced to what {@link #learn} reads of them, {@code
   * mayBeFrequent} telling (by hash) the fingerprints whose key {@link #mayBeFrequent} holds: those
   * are kept, in order, and each run of the others between them is replaced by its first (so a
   * run of frequent fingerprints stays one run, and ends where it ended). The learner reads of an
   * article only its runs of frequent fingerprints, their positions and its words: over a corpus
   * whose every article is so reduced, and a table of the reduced fingerprints, it learns the
   * same templates as over the full ones. A job that counts holders where the fingerprints are
   * (the Spark job) sends the learner only these.
   */
  public static Fingerprints reduced(Fingerprints fp, java.util.function.LongPredicate mayBeFrequent) {
    long[] hashes = fp.hashes();
    int[] positions = fp.positions();
    long[] keptHashes = new long[hashes.length];
    int[] keptPositions = new int[hashes.length];
    int kept = 0;
    boolean inGap = false;
    for (int i = 0; i < hashes.length; i++) {
      boolean frequent = mayBeFrequent.test(hashes[i]);
      if (frequent || !inGap) {
        keptHashes[kept] = hashes[i];
        keptPositions[kept++] = positions[i];
      }
      inGap = !frequent;
    }
    return kept == hashes.length
        ? fp
        : new Fingerprints(Arrays.copyOf(keptHashes, kept), Arrays.copyOf(keptPositions, kept));
  }

  /** The templates of {@code corpus}, whose fingerprints {@code table} holds. */
  public Templates learn(TemplateCorpus corpus, FingerprintTable table) {
    int n = corpus.size();
    if (n < minArticles) {
      return Templates.NONE;
    }
    long[] source = new long[n];
    for (int a = 0; a < n; a++) {
      source[a] = Templates.sourceKey(corpus.source(a));
    }

    // 1. Frequent fingerprints, from the runs of the sorted table, a part of it on each thread.
    int parts = Math.max(1, Math.min(64, table.size() / 100_000));
    Frequent found =
        java.util.stream.IntStream.range(0, parts)
            .parallel()
            .mapToObj(part -> frequent(table, part, parts, source))
            .reduce(Frequent::merge)
            .orElseGet(Frequent::new);
    LongIntHashMap holders = found.holders;
    LongIntHashMap corpusHolders = found.corpusHolders;
    LongIntHashMap largestSource = found.largestSource;
    LongHashSet frequent = found.frequent;
    if (frequent.isEmpty()) {
      return Templates.NONE;
    }

    // 2. Where each article holds them: edge runs, body runs, main content; a range of
    // articles on each thread.
    int ranges = Math.max(1, Math.min(64, n / 2_000));
    Holdings held =
        java.util.stream.IntStream.range(0, ranges)
            .parallel()
            .mapToObj(
                r ->
                    holdings(
                        corpus, table, source, frequent, holders, corpusHolders,
                        (int) ((long) n * r / ranges), (int) ((long) n * (r + 1) / ranges)))
            .reduce(Holdings::merge)
            .orElseGet(Holdings::new);
    LongIntHashMap edge = held.edge;
    LongIntHashMap corpusEdge = held.corpusEdge;
    LongIntHashMap edgeAll = held.edgeAll;
    LongIntHashMap main = held.main;

    // 3. The decision.
    LongHashSet templateKeys = new LongHashSet(); // scoped keys, and corpus-wide ones salted
    for (var c : holders) {
      long scoped = c.key;
      int atEdge = edge.getOrDefault(scoped, 0);
      if (atEdge >= minArticles && 100L * atEdge >= (long) EDGE_PERCENT * c.value) {
        templateKeys.add(scoped);
      }
    }
    for (var c : corpusHolders) {
      int atEdge = corpusEdge.getOrDefault(c.key, 0);
      // Spread over sources: a footer of one big source is that source's template, not all's.
      boolean spread = 2L * largestSource.get(c.key) < c.value;
      if (spread
          && 100L * atEdge >= (long) EDGE_PERCENT * c.value
          && !vetoed(c.key, main, edgeAll)) {
        templateKeys.add(c.key ^ CORPUS_WIDE);
      }
    }
    // The veto is per fingerprint key, whatever the source: drop vetoed scoped keys.
    LongHashSet vetoed = new LongHashSet();
    for (var m : main) {
      if (vetoed(m.key, main, edgeAll)) {
        vetoed.add(m.key);
      }
    }

    // 4. Template runs in each article; fingerprints of one run join one template, the
    // corpus-wide ones apart from a source's own (a share line many outlets carry must not join
    // every outlet's footer into one template).
    UnionFind groups = new UnionFind();
    LongIntHashMap idOf = new LongIntHashMap();
    List<long[]> scopeOfId = new ArrayList<>();
    List<int[]> occurrences = new ArrayList<>(); // {article, firstFp, lastFp, id of first}
    for (int a = 0; a < n; a++) {
      Fingerprints fp = corpus.fingerprints(a);
      long src = source[a];
      int article = a;
      forEachRun(
          fp,
          i -> identity(table.key(fp.hashes()[i]), src, templateKeys, vetoed) != 0,
          (from, to) -> {
            int first = -1;
            boolean wide = false;
            int start = from;
            for (int i = from; i < to; i++) {
              long key = table.key(fp.hashes()[i]);
              long identity = identity(key, src, templateKeys, vetoed);
              boolean isWide = isCorpusWide(identity, key);
              if (first >= 0 && isWide != wide) {
                occurrences.add(new int[] {article, start, i - 1, first});
                first = -1;
              }
              // Grouped within the source even when corpus-wide: a group learns its text from a
              // sample of its carriers, which must read alike (one outlet's footer), not be the
              // footers of all outlets joined by a share line they all carry. Templates of
              // several sources that are one text are merged after.
              long group = isWide ? Templates.scoped(identity, src) : identity;
              int id = idOf.getOrDefault(group, -1);
              if (id < 0) {
                id = groups.add();
                idOf.put(group, id);
                scopeOfId.add(new long[] {isWide ? -1 : src});
              }
              if (first < 0) {
                first = id;
                wide = isWide;
                start = i;
              } else {
                groups.union(first, id);
              }
            }
            occurrences.add(new int[] {article, start, to - 1, first});
          });
    }
    if (occurrences.isEmpty()) {
      return Templates.NONE;
    }

    // 5. Each template's shingles, text and carriers.
    int ids = groups.size();
    List<List<int[]>> byGroup = new ArrayList<>();
    int[] groupOfRoot = new int[ids];
    Arrays.fill(groupOfRoot, -1);
    for (int[] o : occurrences) {
      int root = groups.find(o[3]);
      if (groupOfRoot[root] < 0) {
        groupOfRoot[root] = byGroup.size();
        byGroup.add(new ArrayList<>());
      }
      byGroup.get(groupOfRoot[root]).add(o);
    }
    List<TreeSet<Long>> scopes = new ArrayList<>();
    for (int g = 0; g < byGroup.size(); g++) {
      scopes.add(new TreeSet<>());
    }
    for (int id = 0; id < ids; id++) {
      int g = groupOfRoot[groups.find(id)];
      if (g >= 0) {
        scopes.get(g).add(scopeOfId.get(id)[0]);
      }
    }
    // The carriers each template is learned from, told to the corpus at once (a distributed
    // job fetches their texts in one pass).
    TreeSet<Integer> read = new TreeSet<>();
    for (List<int[]> group : byGroup) {
      Sample sample = sample(group);
      for (int c = 0; c < sample.sampled(); c++) {
        read.add(sample.carriers().get(sample.index(c)));
      }
    }
    corpus.willRead(read.stream().mapToInt(Integer::intValue).toArray());
    List<Learned> learned = new ArrayList<>();
    for (int g = 0; g < byGroup.size(); g++) {
      Learned t = template(corpus, byGroup.get(g), scopes.get(g));
      if (t != null) {
        learned.add(t);
      }
    }
    List<Template> templates = merged(learned);
    templates.sort(
        Comparator.comparingInt(Template::articles)
            .reversed()
            .thenComparing(t -> t.examples().get(0))
            .thenComparing(Template::text));
    return new Templates(templates);
  }

  /** What step 1 finds in part of the table; parts hold disjoint fingerprints. */
  private static final class Frequent {
    final LongIntHashMap holders = new LongIntHashMap(); // scoped(key, source) -> holders
    final LongIntHashMap corpusHolders = new LongIntHashMap(); // key -> holders, > maxBucket
    final LongIntHashMap largestSource = new LongIntHashMap(); // key -> largest source's count
    final LongHashSet frequent = new LongHashSet(); // keys frequent somewhere

    Frequent merge(Frequent o) {
      holders.putAll(o.holders);
      corpusHolders.putAll(o.corpusHolders);
      largestSource.putAll(o.largestSource);
      frequent.addAll(o.frequent);
      return this;
    }
  }

  private Frequent frequent(FingerprintTable table, int part, int parts, long[] source) {
    Frequent f = new Frequent();
    table.forEachRunOfPart(
        part,
        parts,
        (key, articles, count) -> {
          if (count < minArticles) {
            return;
          }
          if (count > maxBucket) {
            f.corpusHolders.put(key, count);
            f.frequent.add(key);
          }
          long[] sources = new long[count];
          for (int i = 0; i < count; i++) {
            sources[i] = source[articles[i]];
          }
          Arrays.sort(sources);
          int largest = 0;
          for (int i = 0; i < count; ) {
            int j = i + 1;
            while (j < count && sources[j] == sources[i]) {
              j++;
            }
            if (j - i >= minArticles) {
              f.holders.put(Templates.scoped(key, sources[i]), j - i);
              f.frequent.add(key);
            }
            largest = Math.max(largest, j - i);
            i = j;
          }
          if (count > maxBucket) {
            f.largestSource.put(key, largest);
          }
        });
    return f;
  }

  /** What step 2 counts in a range of articles; counts add up across ranges. */
  private static final class Holdings {
    final LongIntHashMap edge = new LongIntHashMap(); // scoped -> articles holding it at an edge
    final LongIntHashMap corpusEdge = new LongIntHashMap(); // key -> articles, corpus-wide ones
    final LongIntHashMap edgeAll = new LongIntHashMap(); // key -> edge holders of all sources
    final LongIntHashMap main = new LongIntHashMap(); // key -> articles holding it as main content

    Holdings merge(Holdings o) {
      add(edge, o.edge);
      add(corpusEdge, o.corpusEdge);
      add(edgeAll, o.edgeAll);
      add(main, o.main);
      return this;
    }

    private static void add(LongIntHashMap into, LongIntHashMap from) {
      for (var e : from) {
        into.addTo(e.key, e.value);
      }
    }
  }

  private Holdings holdings(
      TemplateCorpus corpus, FingerprintTable table, long[] source, LongHashSet frequent,
      LongIntHashMap holders, LongIntHashMap corpusHolders, int fromArticle, int toArticle) {
    Holdings h = new Holdings();
    LongHashSet counted = new LongHashSet();
    for (int a = fromArticle; a < toArticle; a++) {
      Fingerprints fp = corpus.fingerprints(a);
      int words = corpus.words(a);
      long src = source[a];
      counted.clear();
      Marked isFrequent = i -> frequent.contains(table.key(fp.hashes()[i]));
      // An article most of whose words are frequent text holds it as its main content (the
      // source document answers paste, a story reprinted whole), however many runs it makes.
      int[] covered = {0};
      forEachRun(fp, isFrequent, (from, to) -> covered[0] += span(fp, from, to, words));
      boolean mostlyShared = 2L * covered[0] > words;
      forEachRun(
          fp,
          isFrequent,
          (from, to) -> {
            int kind = mostlyShared ? MAIN : kind(fp, from, to, words);
            for (int i = from; i < to; i++) {
              long key = table.key(fp.hashes()[i]);
              if (!counted.add(key)) {
                continue;
              }
              if (kind == MAIN) {
                h.main.addTo(key, 1);
              } else if (kind == EDGE) {
                h.edgeAll.addTo(key, 1);
                long scoped = Templates.scoped(key, src);
                if (holders.containsKey(scoped)) {
                  h.edge.addTo(scoped, 1);
                }
                if (corpusHolders.containsKey(key)) {
                  h.corpusEdge.addTo(key, 1);
                }
              }
            }
          });
    }
    return h;
  }

  private boolean vetoed(long key, LongIntHashMap main, LongIntHashMap edgeAll) {
    int m = main.getOrDefault(key, 0);
    return m > 0 && (long) m * MAIN_VETO >= edgeAll.getOrDefault(key, 0);
  }

  /** The template identity of a fingerprint in an article of source {@code src}, or 0. */
  private static long identity(long key, long src, LongHashSet templateKeys, LongHashSet vetoed) {
    if (vetoed.contains(key)) {
      return 0;
    }
    if (templateKeys.contains(key ^ CORPUS_WIDE)) {
      return key ^ CORPUS_WIDE;
    }
    long scoped = Templates.scoped(key, src);
    return templateKeys.contains(scoped) ? scoped : 0;
  }

  private static boolean isCorpusWide(long identity, long key) {
    return identity == (key ^ CORPUS_WIDE);
  }

  private static final int BODY = 0;
  private static final int EDGE = 1;
  private static final int MAIN = 2;

  /** Words a run of fingerprints {@code from..to} covers. */
  private int span(Fingerprints fp, int from, int to, int words) {
    return Math.min(words, fp.positions()[to - 1] + shingleSize) - fp.positions()[from];
  }

  /** Whether fingerprints {@code from..to} (a run) are at the edge, main content, or body. */
  private int kind(Fingerprints fp, int from, int to, int words) {
    int start = fp.positions()[from];
    int end = Math.min(words, fp.positions()[to - 1] + shingleSize);
    if (2 * (end - start) > words) {
      return MAIN;
    }
    int edge = Math.max(EDGE_WORDS, words / 10);
    return start <= edge || words - end <= edge ? EDGE : BODY;
  }

  private interface Marked {
    boolean test(int i);
  }

  private interface RunSink {
    void run(int from, int to);
  }

  /** Calls {@code sink} with each maximal run of consecutive marked fingerprints. */
  private static void forEachRun(Fingerprints fp, Marked marked, RunSink sink) {
    int n = fp.size();
    int i = 0;
    while (i < n) {
      if (!marked.test(i)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < n && marked.test(j)) {
        j++;
      }
      sink.run(i, j);
      i = j;
    }
  }

  /** A template and its carriers, sorted. */
  private record Learned(Template template, int[] carriers) {}

  /**
   * A template's carriers in article order, each with where its occurrences start, and how many
   * of them are read: {@code sampled}, spread evenly over all of them (a footer's year changes
   * over time), the {@code c}-th being {@code carriers.get(index(c))}.
   */
  private record Sample(IntArrayList carriers, IntArrayList firstOccurrence, int sampled) {
    int index(int c) {
      return (int) ((long) c * carriers.size() / sampled);
    }
  }

  /** The sample of a template's occurrences {article, firstFp, lastFp, id}, sorted in place. */
  private static Sample sample(List<int[]> occurrences) {
    occurrences.sort(Comparator.<int[]>comparingInt(o -> o[0]).thenComparingInt(o -> o[1]));
    IntArrayList carriers = new IntArrayList();
    IntArrayList firstOccurrence = new IntArrayList();
    for (int i = 0; i < occurrences.size(); i++) {
      int article = occurrences.get(i)[0];
      if (carriers.isEmpty() || carriers.get(carriers.size() - 1) != article) {
        carriers.add(article);
        firstOccurrence.add(i);
      }
    }
    firstOccurrence.add(occurrences.size());
    return new Sample(carriers, firstOccurrence, Math.min(SAMPLE, carriers.size()));
  }

  /** One template from its occurrences {article, firstFp, lastFp, id}, or null if nothing holds. */
  private Learned template(TemplateCorpus corpus, List<int[]> occurrences, TreeSet<Long> scope) {
    Sample sample = sample(occurrences);
    boolean corpusWide = scope.contains(-1L);
    IntArrayList carriers = sample.carriers();
    IntArrayList firstOccurrence = sample.firstOccurrence();
    int sampled = sample.sampled();
    // Shingles between a run's first and last template fingerprint (its core) are the template's
    // wherever enough carriers hold them; those in the window around the core (where the first
    // and last template shingles may be, unselected) only when most carriers hold them, so a
    // word that often ends a story ("... he said.") does not join the footer after it.
    LongIntHashMap inCore = new LongIntHashMap();
    LongIntHashMap nearCore = new LongIntHashMap();
    List<int[]> spans = new ArrayList<>(); // {article, fromShingle, toShingle (exclusive)}
    LongHashSet core = new LongHashSet();
    LongHashSet near = new LongHashSet();
    for (int c = 0; c < sampled; c++) {
      int k = sample.index(c);
      int article = carriers.get(k);
      long[] shingles = corpus.shingles(article);
      int[] positions = corpus.fingerprints(article).positions();
      core.clear();
      near.clear();
      for (int o = firstOccurrence.get(k); o < firstOccurrence.get(k + 1); o++) {
        int[] occ = occurrences.get(o);
        int coreFrom = positions[occ[1]];
        int coreTo = positions[occ[2]] + 1;
        int from = Math.max(0, coreFrom - (window - 1));
        int to = Math.min(shingles.length, coreTo + window - 1);
        spans.add(new int[] {article, from, to});
        for (int p = from; p < to; p++) {
          (p >= coreFrom && p < coreTo ? core : near).add(shingles[p]);
        }
      }
      for (var h : core) {
        inCore.addTo(h.value, 1);
      }
      for (var h : near) {
        if (!core.contains(h.value)) {
          nearCore.addTo(h.value, 1);
        }
      }
    }
    int threshold = Math.max(2, Math.min(minArticles, sampled));
    int most = Math.max(threshold, (sampled + 1) / 2);
    LongHashSet kept = new LongHashSet();
    for (var e : inCore) {
      if (e.value >= threshold || e.value + nearCore.getOrDefault(e.key, 0) >= most) {
        kept.add(e.key);
      }
    }
    for (var e : nearCore) {
      if (e.value + inCore.getOrDefault(e.key, 0) >= most) {
        kept.add(e.key);
      }
    }
    // The canonical carrier: the span with the most template shingles, then the first.
    int[] best = null;
    int bestFrom = 0;
    int bestTo = 0;
    int bestKept = 0;
    for (int[] span : spans) {
      long[] shingles = corpus.shingles(span[0]);
      int first = -1;
      int last = -1;
      int held = 0;
      for (int p = span[1]; p < span[2]; p++) {
        if (kept.contains(shingles[p])) {
          held++;
          if (first < 0) {
            first = p;
          }
          last = p;
        }
      }
      if (held > bestKept) {
        bestKept = held;
        best = span;
        bestFrom = first;
        bestTo = last + shingleSize;
      }
    }
    if (best == null) {
      return null;
    }
    Tokens tokens = corpus.tokens(best[0]);
    bestTo = Math.min(bestTo, tokens.size());
    String text = corpus.text(best[0]).substring(tokens.start(bestFrom), tokens.end(bestTo - 1));
    TreeSet<String> sources = new TreeSet<>();
    TreeSet<String> ids = new TreeSet<>();
    for (int i = 0; i < carriers.size(); i++) {
      int article = carriers.get(i);
      String s = corpus.source(article);
      if (s != null) {
        sources.add(s);
      }
      ids.add(corpus.id(article));
    }
    List<String> examples = new ArrayList<>(ids).subList(0, Math.min(Template.EXAMPLES, ids.size()));
    long[] shingles = kept.toArray();
    Arrays.sort(shingles);
    long[] scopeKeys =
        corpusWide ? new long[0] : scope.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Learned(
        new Template(
            text,
            bestTo - bestFrom,
            new ArrayList<>(sources),
            carriers.size(),
            new ArrayList<>(examples),
            corpusWide,
            scopeKeys,
            shingles),
        carriers.toArray());
  }

  /**
   * Templates of several sources that are one text (sister outlets, a CMS footer many sites
   * use) become one: those sharing more than half of the smaller one's shingles are merged, their
   * scopes, shingles, carriers and sources joined. So each text is reported once.
   */
  private static List<Template> merged(List<Learned> learned) {
    int n = learned.size();
    List<Template> templates = new ArrayList<>(n);
    for (Learned l : learned) {
      templates.add(l.template());
    }
    if (n < 2) {
      return templates;
    }
    UnionFind same = new UnionFind();
    for (int i = 0; i < n; i++) {
      same.add();
    }
    LongObjectHashMap<IntArrayList> holders = new LongObjectHashMap<>();
    for (int i = 0; i < n; i++) {
      for (long h : templates.get(i).shingles()) {
        IntArrayList list = holders.get(h);
        if (list == null) {
          list = new IntArrayList();
          holders.put(h, list);
        }
        list.add(i);
      }
    }
    for (int i = 0; i < n; i++) {
      IntIntHashMap shared = new IntIntHashMap();
      for (long h : templates.get(i).shingles()) {
        IntArrayList list = holders.get(h);
        for (int k = 0; k < list.size(); k++) {
          if (list.get(k) > i) {
            shared.addTo(list.get(k), 1);
          }
        }
      }
      for (var e : shared) {
        int smaller =
            Math.min(templates.get(i).shingles().length, templates.get(e.key).shingles().length);
        if (2 * e.value > smaller && templates.get(i).corpusWide() == templates.get(e.key).corpusWide()) {
          same.union(i, e.key);
        }
      }
    }
    java.util.Map<Integer, List<Learned>> byRoot = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(same.find(i), x -> new ArrayList<>()).add(learned.get(i));
    }
    List<Template> out = new ArrayList<>();
    for (List<Learned> group : byRoot.values()) {
      if (group.size() == 1) {
        out.add(group.get(0).template());
        continue;
      }
      Template largest = group.get(0).template();
      TreeSet<String> sources = new TreeSet<>();
      TreeSet<Long> scope = new TreeSet<>();
      LongHashSet shingles = new LongHashSet();
      com.carrotsearch.hppc.IntHashSet carriers = new com.carrotsearch.hppc.IntHashSet();
      for (Learned l : group) {
        Template t = l.template();
        if (t.articles() > largest.articles()) {
          largest = t;
        }
        sources.addAll(t.sources());
        for (long s : t.scope()) {
          scope.add(s);
        }
        shingles.addAll(t.shingles());
        carriers.addAll(l.carriers());
      }
      // An article carrying several of the merged templates is counted once; the first few
      // ids of each are among them the first few of all.
      int articles = carriers.size();
      TreeSet<String> examples = new TreeSet<>();
      for (Learned l : group) {
        examples.addAll(l.template().examples());
      }
      long[] sorted = shingles.toArray();
      Arrays.sort(sorted);
      List<String> someExamples =
          new ArrayList<>(examples).subList(0, Math.min(Template.EXAMPLES, examples.size()));
      out.add(
          new Template(
              largest.text(), largest.words(), new ArrayList<>(sources), articles,
              new ArrayList<>(someExamples), largest.corpusWide(),
              scope.stream().mapToLong(Long::longValue).toArray(), sorted));
    }
    return out;
  }

  /** Union-find over template fingerprint ids. */
  private static final class UnionFind {
    private int[] parent = new int[16];
    private int size;

    int add() {
      if (size == parent.length) {
        parent = Arrays.copyOf(parent, size * 2);
      }
      parent[size] = size;
      return size++;
    }

    int size() {
      return size;
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void union(int x, int y) {
      int rx = find(x);
      int ry = find(y);
      if (rx != ry) {
        parent[Math.max(rx, ry)] = Math.min(rx, ry);
      }
    }
  }
}
