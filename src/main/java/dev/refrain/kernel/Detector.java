package dev.refrain.kernel;

import dev.refrain.align.Passage;
import dev.refrain.align.PassageAligner;
import dev.refrain.align.SentenceAligner;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.diff.VariantKind;
import dev.refrain.diff.VariantKinds;
import dev.refrain.document.Article;
import dev.refrain.lsh.FingerprintTable;
import dev.refrain.minhash.Fingerprints;
import dev.refrain.minhash.Winnowing;
import dev.refrain.normalize.StemCache;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.quote.QuoteFinder;
import dev.refrain.quote.QuoteGrouper;
import dev.refrain.quote.Rendering;
import dev.refrain.normalize.TokenBuffer;
import dev.refrain.normalize.Tokens;
import dev.refrain.shingle.ShingleSets;
import dev.refrain.shingle.Shingler;
import dev.refrain.template.TemplateCorpus;
import dev.refrain.template.TemplateLearner;
import dev.refrain.template.Templates;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The detection kernel, built once from {@link DetectorOptions}: prepare an article (normalize,
 * shingle, fingerprint), learn templates, mask them, align a pair, diff its passages and measure
 * containment. {@code scan} (all pairs of a set), {@code check} (new articles against an archive)
 * and a distributed job are strategies that decide which pairs to compare; each rule lives here
 * or in the stage it names, once.
 *
 * <p>Plain serializable Java with no global state: safe to share between threads and to ship to
 * workers.
 */
public final class Detector implements Serializable {
  private static final long serialVersionUID = 2L;

  private final DetectorOptions options;
  private final TextNormalizer normalizer;
  private final Shingler shingler;
  private final Winnowing winnowing;
  private final PassageAligner aligner;
  private final SentenceAligner sentences;
  private final VariantDiffer differ = new VariantDiffer();
  private final QuoteFinder quoteFinder = new QuoteFinder();
  private final QuoteGrouper quoteGrouper = new QuoteGrouper();

  public Detector(DetectorOptions options) {
    this.options = options;
    this.normalizer = new TextNormalizer(options.seed());
    this.shingler = new Shingler(options.shingleSize(), options.seed());
    this.winnowing = new Winnowing(options.window());
    this.aligner = new PassageAligner(options.alignOptions());
    this.sentences = new SentenceAligner(options.minWords());
  }

  public DetectorOptions options() {
    return options;
  }

  /** Normalizes, shingles and fingerprints one article. */
  public PreparedArticle prepare(Article article) {
    return prepare(article, new TokenBuffer(article.text().length()));
  }

  /**
   * {@link #prepare(Article)} with the working arrays of {@code buffer}, which a thread keeps from
   * one article to the next (see {@link Parallel#map(int, java.util.function.Supplier,
   * Parallel.Task, ProgressListener)}): the same article, less allocated for it.
   */
  public PreparedArticle prepare(Article article, TokenBuffer buffer) {
    Tokens tokens = normalizer.tokenize(article.text(), buffer);
    long[] shingles = shingler.shingles(tokens);
    return new PreparedArticle(
        article, tokens, shingles, winnowing.select(shingles), options.shingleSize());
  }

  /**
   * Prepares an article again whose fingerprints were selected before, at {@code positions}
   * (with {@code repeated}, its {@linkplain PreparedArticle#repeatedFingerprints repeated ones}):
   * the same as {@link #prepare}, without selecting them again (a fingerprint is the hash of the
   * shingle at its position).
   */
  PreparedArticle prepareAgain(Article article, int[] positions, long[] repeated) {
    Tokens tokens = normalizer.tokenize(article.text());
    long[] shingles = shingler.shingles(tokens);
    long[] hashes = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      hashes[i] = shingles[positions[i]];
    }
    return new PreparedArticle(
        article, tokens, shingles, new Fingerprints(hashes, positions), repeated, options.shingleSize());
  }

  /** The fingerprints of a word range of a prepared article's text, as they would be alone. */
  public Fingerprints fingerprintsWithin(PreparedArticle p, int fromWord, int toWord) {
    long[] shingles = p.shingles();
    int to = Math.max(fromWord, Math.min(shingles.length, toWord - options.shingleSize() + 1));
    return winnowing.select(Arrays.copyOfRange(shingles, Math.min(fromWord, to), to));
  }

  /**
   * The quotes of a prepared article with their speakers, as renderings numbered {@code number}
   * (see {@link QuoteFinder}).
   */
  public List<Rendering> quotes(int number, PreparedArticle p) {
    String text = p.article().text();
    return Rendering.of(number, text, p.tokens(), quoteFinder.find(text));
  }

  /**
   * The quotes of a prepared article as renderings numbered {@code number}, and the people it
   * names in full, for {@link #quoteFamilies(List, List)}.
   */
  public QuoteFinder.Found quotesAndPeople(PreparedArticle p) {
    return quoteFinder.findWithPeople(p.article().text());
  }

  /** {@link #quotesAndPeople(PreparedArticle)} of an article's text, which needs no preparing. */
  public QuoteFinder.Found quotesAndPeople(String text) {
    return quoteFinder.findWithPeople(text);
  }

  /** The quote families of renderings of many articles (see {@link QuoteGrouper}). */
  public List<QuoteFamily> quoteFamilies(List<Rendering> renderings) {
    return quoteGrouper.group(renderings);
  }

  /**
   * The quote families of renderings of many articles, speakers named by the forms most of
   * {@code people} (each article's people named in full, one list per article) use.
   */
  public List<QuoteFamily> quoteFamilies(List<Rendering> renderings, List<List<String>> people) {
    return quoteGrouper.group(renderings, people);
  }

  /**
   * {@link #quoteFamilies(List, List)} with the grouping's work split over {@code parallel}'s
   * threads: the same families in the same order.
   */
  public List<QuoteFamily> quoteFamilies(
      List<Rendering> renderings, List<List<String>> people, Parallel parallel) {
    return quoteGrouper.group(renderings, people, parallel.pool(), parallel.threads());
  }

  /**
   * {@link #quoteFamilies(List, List, Parallel)} of renderings made {@link Rendering#withoutWords
   * without their words}, {@code words} giving the families' members theirs.
   */
  public List<QuoteFamily> quoteFamilies(
      List<Rendering> renderings, List<List<String>> people, Parallel parallel,
      QuoteGrouper.WordsOf words) {
    return quoteGrouper.group(renderings, people, parallel.pool(), parallel.threads(), words);
  }

  /** The learner of templates, with these options. */
  public TemplateLearner templateLearner() {
    return new TemplateLearner(
        options.templateMinArticles(), options.maxBucket(), options.shingleSize(),
        options.window());
  }

  /** The templates of a set of prepared articles whose fingerprints {@code table} holds. */
  public Templates learnTemplates(List<PreparedArticle> articles, FingerprintTable table) {
    return templateLearner().learn(corpus(articles), table);
  }

  /** A set of prepared articles, numbered by position, as template learning reads it. */
  public static TemplateCorpus corpus(List<PreparedArticle> articles) {
    return new PreparedCorpus() {
      @Override
      protected PreparedArticle prepared(int a) {
        return articles.get(a);
      }

      @Override
      public int size() {
        return articles.size();
      }

      @Override
      public String id(int a) {
        return articles.get(a).article().id();
      }

      @Override
      public String source(int a) {
        return articles.get(a).article().source();
      }

      @Override
      public int words(int a) {
        return articles.get(a).tokens().size();
      }

      @Override
      public Fingerprints fingerprints(int a) {
        return articles.get(a).fingerprints();
      }
    };
  }

  /** The article's template words, as sorted word ranges {@code [from, to, ...]}. */
  public int[] mask(PreparedArticle p, Templates templates) {
    return templates.mask(
        p.sourceKey(), p.shingles(), p.fingerprints().positions(), options.shingleSize());
  }

  /**
   * Whether the article may hold a passage twice: a fingerprint that is not template text occurs
   * at two places at least a shingle apart. Such an article is compared with itself.
   */
  public boolean mayRepeat(PreparedArticle p, Templates templates) {
    return mayRepeat(p.sourceKey(), p.repeatedFingerprints(), templates);
  }

  /**
   * {@link #mayRepeat(PreparedArticle, Templates)} of an article of source {@code sourceKey}
   * whose {@linkplain PreparedArticle#repeatedFingerprints repeated fingerprints} are {@code
   * repeated}, for a run that keeps those and not the prepared article.
   */
  public static boolean mayRepeat(long sourceKey, long[] repeated, Templates templates) {
    for (long h : repeated) {
      if (!templates.isTemplate(sourceKey, h)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The passages two prepared articles share outside their template words ({@code a == b}:
   * repeated inside one article), as the shingle aligner finds them.
   */
  public List<Passage> align(PreparedArticle a, int[] maskA, PreparedArticle b, int[] maskB) {
    return aligner.align(a.aligned(), maskA, a == b ? a.aligned() : b.aligned(), maskB);
  }

  /**
   * The passages a candidate pair of articles share, as {@code scan}, {@code check} and the
   * distributed job report them: {@link #align}'s, and for a pair {@link RewordEvidence} says is
   * worth it, their reworded sentences beside them ({@link SentenceAligner}), sorted by their
   * start in a, then in b.
   */
  public List<Passage> alignPair(PreparedArticle a, int[] maskA, PreparedArticle b, int[] maskB) {
    return alignPair(a, maskA, b, maskB, null);
  }

  /**
   * {@link #alignPair(PreparedArticle, int[], PreparedArticle, int[])}, the articles' words
   * stemmed through {@code stems}, a cache of the run's (null: none); the same passages either
   * way.
   */
  public List<Passage> alignPair(
      PreparedArticle a, int[] maskA, PreparedArticle b, int[] maskB, StemCache stems) {
    List<Passage> found = align(a, maskA, b, maskB);
    if (!RewordEvidence.alignsSentences(a, maskA, b, maskB, found)) {
      return found;
    }
    List<Passage> reworded = sentences.reworded(a.aligned(), maskA, b.aligned(), maskB, found, stems);
    if (reworded.isEmpty()) {
      return found;
    }
    List<Passage> all = new ArrayList<>(found);
    all.addAll(reworded);
    all.sort(
        java.util.Comparator.comparingInt(Passage::aFromWord).thenComparingInt(Passage::bFromWord));
    return all;
  }

  /**
   * Compares candidate pair {@code (ia, ib)} outside the template words {@code maskA} and {@code
   * maskB}: its passages with their diffs and the pair's figures, or null when they share none.
   * {@code ia == ib} (with {@code a == b}, one object) compares an article with itself.
   */
  public ArticlePair comparePair(
      int ia, PreparedArticle a, int[] maskA, int ib, PreparedArticle b, int[] maskB) {
    return comparePair(ia, a, maskA, ib, b, maskB, null);
  }

  /**
   * {@link #comparePair(int, PreparedArticle, int[], int, PreparedArticle, int[])}, the articles'
   * words stemmed through {@code stems}, a cache of the run's (null: none); the same pair either
   * way.
   */
  public ArticlePair comparePair(
      int ia, PreparedArticle a, int[] maskA, int ib, PreparedArticle b, int[] maskB,
      StemCache stems) {
    List<Passage> passages = alignPair(a, maskA, b, maskB, stems);
    if (passages.isEmpty()) {
      return null;
    }
    List<SharedPassage> shared = new ArrayList<>(passages.size());
    for (Passage x : passages) {
      shared.add(share(x, a.tokens(), b.tokens(), -1));
    }
    return pair(ia, ib, a, b, shared);
  }

  /** A passage with its word-level diff and diff-based similarity. */
  public SharedPassage share(Passage p, Tokens a, Tokens b, int cluster) {
    List<Edit> diff = differ.diff(a, p.aFromWord(), p.aToWord(), b, p.bFromWord(), p.bToWord());
    double similarity = 2.0 * VariantDiffer.sharedWords(diff) / (p.wordsA() + p.wordsB());
    return new SharedPassage(p, similarity, cluster, diff);
  }

  /** The kinds of change no state alters: one classifier serves every caller. */
  private static final VariantKinds KINDS = new VariantKinds();

  private static final Direction DIRECTION = new Direction();

  /**
   * The kinds of change of a variant whose word diff from a to b is {@code diff} ({@link
   * VariantKinds}): of a passage, a cluster occurrence against its canonical form, a quote
   * rendering.
   */
  public static Set<VariantKind> kinds(List<Edit> diff, String aText, String bText) {
    return KINDS.classify(diff, aText, bText);
  }

  /** {@link #kinds(List, String, String)} of a shared passage. */
  public static Set<VariantKind> kinds(SharedPassage s, String aText, String bText) {
    return KINDS.classify(s.diff(), aText, bText);
  }

  /**
   * The kinds of change of a quote family's member against the family's canonical rendering
   * ({@link VariantKinds#classifyRendering}): {@code attribution-changed} when its article
   * attributes the quote to someone else ({@link QuoteFamily.Attribution#OTHER}).
   */
  public static Set<VariantKind> kinds(QuoteFamily.Member m, String canonicalText, String text) {
    return KINDS.classifyRendering(
        m.diff(), canonicalText, text, m.attribution() == QuoteFamily.Attribution.OTHER);
  }

  /** Which of the articles sharing a text most likely ran it first ({@link Direction}). */
  public static Direction.Verdict direction(List<Direction.Candidate> candidates) {
    return DIRECTION.earliest(candidates);
  }

  /**
   * Which of a pair's two articles most likely ran their shared passages first: 0 for a, 1 for b,
   * -1 unknown. {@code wordsA} and {@code wordsB}: their words inside the passages.
   */
  public static Direction.Verdict direction(
      ArticleInfo a, String aText, int wordsA, ArticleInfo b, String bText, int wordsB) {
    return DIRECTION.earliest(
        List.of(
            Direction.Candidate.of(a.published(), a.source(), aText, wordsA),
            Direction.Candidate.of(b.published(), b.source(), bText, wordsB)));
  }

  /** Word-level diff of two word ranges. */
  public List<Edit> diff(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    return differ.diff(a, aFrom, aTo, b, bFrom, bTo);
  }

  /**
   * A pair's figures: containment both ways (words inside its passages) and the exact Jaccard of
   * the shingle sets.
   */
  public static ArticlePair pair(
      int ia, int ib, PreparedArticle a, PreparedArticle b, List<SharedPassage> shared) {
    boolean self = ia == ib;
    List<int[]> rangesA = new ArrayList<>();
    List<int[]> rangesB = self ? rangesA : new ArrayList<>();
    for (SharedPassage s : shared) {
      Passage p = s.passage();
      rangesA.add(new int[] {p.aFromWord(), p.aToWord()});
      rangesB.add(new int[] {p.bFromWord(), p.bToWord()});
    }
    double jaccard =
        self
            ? 1.0
            : ShingleSets.jaccard(
                a.aligned().sortedShingles(), b.aligned().sortedShingles(),
                a.aligned().keyMask() | b.aligned().keyMask());
    return new ArticlePair(
        ia, ib, shared, containment(a.tokens().size(), rangesA),
        containment(b.tokens().size(), rangesB), jaccard);
  }

  /**
   * Containment: the share of an article's {@code words} that lie in the given word ranges
   * {@code {from, to}} (overlaps counted once); 0 for an article without words. Template words
   * stay in the denominator: they are the article's words, shared with nobody in particular.
   */
  public static double containment(int words, List<int[]> ranges) {
    if (words == 0) {
      return 0;
    }
    boolean[] covered = new boolean[words];
    int n = 0;
    for (int[] r : ranges) {
      for (int i = Math.max(0, r[0]); i < Math.min(words, r[1]); i++) {
        if (!covered[i]) {
          covered[i] = true;
          n++;
        }
      }
    }
    return (double) n / words;
  }

  /**
   * Compares two articles directly, with no templates and no candidate search: the passages they
   * share, with diffs, containment both ways and exact Jaccard. Articles are numbered 0 ({@code
   * a}) and 1 ({@code b}) in the result. For evaluation on labelled pairs and for library callers
   * who already know which pair to check. The shingle aligner's passages only ({@link #align}),
   * without the reworded sentences a scan adds ({@link #alignPair}): measured on PAN 2013's
   * no-obfuscation pairs, whose cases are all verbatim, those cost plagdet 0.933 to 0.900.
   */
  public ArticlePair compare(Article a, Article b) {
    PreparedArticle pa = prepare(a);
    PreparedArticle pb = prepare(b);
    List<SharedPassage> shared = new ArrayList<>();
    for (Passage x : align(pa, Templates.EMPTY_MASK, pb, Templates.EMPTY_MASK)) {
      shared.add(share(x, pa.tokens(), pb.tokens(), -1));
    }
    return pair(0, 1, pa, pb, shared);
  }
}
