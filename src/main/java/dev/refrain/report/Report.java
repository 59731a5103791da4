package dev.refrain.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The report of one scan: what every renderer (JSON, HTML, Markdown, text) reads.
 *
 * <p>This model is the public report schema, kept apart from the engine's own types so either
 * can change without breaking the other; {@code ReportMapper} joins them. All lists are sorted
 * so that the same input gives byte-identical output. All offsets are 0-based, end-exclusive
 * UTF-16 code unit offsets into an article's decoded text.
 *
 * @param schemaVersion bumped when a field changes meaning; fields are never renamed or dropped
 * @param settings the options that produced the report
 * @param articles every article scanned, sorted by id
 * @param pairs every pair of articles sharing at least one passage, ranked: most shared first
 * @param clusters passages recurring in three or more articles, largest first
 * @param templates template text (site footers, newsletter blurbs) found at the edges of many
 *     articles of a source, each reported once: it is masked before pairing, so it is in no pair
 * @param problems input files skipped or read with a warning
 * @param stats counts from the run (no timings: reports are deterministic)
 * @param texts each article's decoded text by id, for renderers that show articles (read when
 *     asked: a large scan's texts are not held in memory)
 * @param quoteFamilies quotations two or more articles render, with their speakers, largest first
 */
public record Report(
    int schemaVersion,
    Settings settings,
    List<ArticleEntry> articles,
    List<PairEntry> pairs,
    List<ClusterEntry> clusters,
    List<TemplateEntry> templates,
    List<ProblemEntry> problems,
    Stats stats,
    Map<String, String> texts,
    List<QuoteFamilyEntry> quoteFamilies) {

  /** A report without quote families. */
  public Report(
      int schemaVersion,
      Settings settings,
      List<ArticleEntry> articles,
      List<PairEntry> pairs,
      List<ClusterEntry> clusters,
      List<TemplateEntry> templates,
      List<ProblemEntry> problems,
      Stats stats,
      Map<String, String> texts) {
    this(schemaVersion, settings, articles, pairs, clusters, templates, problems, stats, texts,
        List.of());
  }

  /**
   * The current {@link #schemaVersion()}. 3: a passage an article repeats inside itself is also
   * in its entry's {@code internalRepeats} (still a pair with {@code a == b}, as the report
   * contract says; {@code stats.pairs} counts pairs of two articles); passages carry {@code
   * kinds}, pairs {@code direction}, clusters {@code earliest}. 2: templates are learned before pairing and reported
   * in {@code templates}; no passage or cluster is boilerplate any more.
   */
  public static final int SCHEMA_VERSION = 3;

  /**
   * The lists are taken as given, unmodifiable views (a large scan's articles and pairs are
   * mapped as they are read, not copied).
   */
  public Report {
    articles = Collections.unmodifiableList(articles);
    pairs = pairs instanceof PairList ? pairs : Collections.unmodifiableList(pairs);
    texts = Collections.unmodifiableMap(texts);
    clusters = List.copyOf(clusters);
    templates = List.copyOf(templates);
    problems = List.copyOf(problems);
    quoteFamilies = List.copyOf(quoteFamilies);
  }

  /**
   * The pairs of two different articles: {@link #pairs()} without the pairs of an article with
   * itself ({@code a == b}), which the reports read by people show on the article as its
   * internal repeats.
   */
  public List<PairEntry> pairsBetweenArticles() {
    if (pairs instanceof PairList list) {
      return list.betweenArticles();
    }
    return pairs.stream().filter(p -> !p.a().equals(p.b())).toList();
  }

  /**
   * A scan's pairs mapped as they are read, knowing which of them are an article's pairs with
   * itself, so {@link #pairsBetweenArticles()} maps no pair it leaves out.
   */
  public static final class PairList extends java.util.AbstractList<PairEntry> {
    private final java.util.function.IntFunction<PairEntry> pair;
    private final int size;
    private final int[] internal;

    /**
     * @param pair the pair at an index
     * @param size how many pairs
     * @param internal the indexes of the pairs of an article with itself, ascending
     */
    public PairList(java.util.function.IntFunction<PairEntry> pair, int size, int[] internal) {
      this.pair = pair;
      this.size = size;
      this.internal = internal.clone();
    }

    @Override
    public PairEntry get(int i) {
      java.util.Objects.checkIndex(i, size);
      return pair.apply(i);
    }

    @Override
    public int size() {
      return size;
    }

    List<PairEntry> betweenArticles() {
      if (internal.length == 0) {
        return this;
      }
      return new java.util.AbstractList<>() {
        @Override
        public PairEntry get(int i) {
          java.util.Objects.checkIndex(i, size());
          int index = i;
          for (int x : internal) {
            if (x > index) {
              break;
            }
            index++;
          }
          return pair.apply(index);
        }

        @Override
        public int size() {
          return size - internal.length;
        }
      };
    }
  }

  /**
   * The options a scan ran with.
   *
   * @param shingleSize words per shingle
   * @param windowShingles shingles per winnowing (MinHash) window
   * @param minWords minimum passage length in words, on each side
   * @param maxGap the longest run of differing words a passage bridges
   * @param minSimilarity minimum passage similarity, in [0, 1]
   * @param templateMinArticles articles of one source that must carry text at their head or
   *     tail for it to be a template
   * @param maxBucket most articles a fingerprint may be held by and still propose pairs
   * @param containmentUnit what containment counts: {@code "words"}
   * @param normalization the normalization version, e.g. {@code "nfkc-fold-lower/2"}
   */
  public record Settings(
      int shingleSize,
      int windowShingles,
      int minWords,
      int maxGap,
      double minSimilarity,
      int templateMinArticles,
      int maxBucket,
      String containmentUnit,
      String normalization)
      implements java.io.Serializable {}

  /**
   * One scanned article.
   *
   * @param chars length of the decoded text in UTF-16 code units
   * @param words number of tokens after normalization
   * @param templateWords words inside template text (masked, in no passage)
   * @param repetitiveWords words inside text the article repeats more than 16 times (a word
   *     repeated throughout, a row of zeros): compared with nothing, in no passage
   * @param internalRepeats passages the article repeats inside itself (side a the first
   *     occurrence, side b the repeat), sorted by start; never a pair of the article with itself
   */
  public record ArticleEntry(
      String id,
      String path,
      int chars,
      int words,
      int templateWords,
      String source,
      String title,
      String published,
      int repetitiveWords,
      List<PassageEntry> internalRepeats)
      implements java.io.Serializable {

    public ArticleEntry {
      internalRepeats = internalRepeats == null ? List.of() : List.copyOf(internalRepeats);
    }

    /** An article that repeats no passage inside itself. */
    public ArticleEntry(
        String id, String path, int chars, int words, int templateWords, String source,
        String title, String published, int repetitiveWords) {
      this(id, path, chars, words, templateWords, source, title, published, repetitiveWords,
          List.of());
    }
  }

  /**
   * Two articles that share passages; {@code a} sorts before {@code b} (a passage an article
   * repeats inside itself is in {@link ArticleEntry#internalRepeats}, not a pair).
   *
   * @param containmentA share of a's words in passages shared with b, in [0, 1]
   * @param containmentB likewise for b
   * @param jaccard exact Jaccard similarity of the two articles' shingle sets, in [0, 1]
   * @param longestPassageWords words (on the a side) of the longest passage
   * @param passages sorted by their start in a
   * @param direction which of the two most likely ran the shared text first, or null when not
   *     judged
   */
  public record PairEntry(
      String a,
      String b,
      double containmentA,
      double containmentB,
      double jaccard,
      int longestPassageWords,
      List<PassageEntry> passages,
      DirectionEntry direction)
      implements java.io.Serializable {

    public PairEntry {
      passages = List.copyOf(passages);
    }

    /** A pair whose direction is not judged. */
    public PairEntry(
        String a, String b, double containmentA, double containmentB, double jaccard,
        int longestPassageWords, List<PassageEntry> passages) {
      this(a, b, containmentA, containmentB, jaccard, longestPassageWords, passages, null);
    }
  }

  /**
   * Which article most likely ran a shared text first ({@code dev.refrain.kernel.Direction}).
   *
   * @param first the id of that article, or null when unknown
   * @param basis {@code published}, {@code wire-source}, {@code wire-credit}, {@code
   *     fuller-form} or {@code unknown}
   * @param reason the evidence in words
   */
  public record DirectionEntry(String first, String basis, String reason)
      implements java.io.Serializable {}

  /**
   * One passage two articles share, with its word-level variant diff.
   *
   * @param kind {@code "verbatim"} (same words after normalization) or {@code "variant"}
   * @param similarity share of the passage's words the two sides have in common, in [0, 1]
   * @param wordsA words of the passage in a
   * @param wordsB words of the passage in b
   * @param cluster the id of the cluster it belongs to, or null
   * @param diff word-level edit script from a's side to b's side, in order
   * @param kinds the kinds of change ({@code dev.refrain.diff.VariantKind} labels: {@code
   *     verbatim}, {@code trimmed}, {@code extended}, {@code reworded}, {@code spelling}, {@code
   *     numbers-changed}, {@code names-changed}), in that order
   */
  public record PassageEntry(
      Span a,
      Span b,
      double similarity,
      String kind,
      int wordsA,
      int wordsB,
      String cluster,
      List<DiffOp> diff,
      List<String> kinds)
      implements java.io.Serializable {

    public PassageEntry {
      diff = List.copyOf(diff);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** A passage whose kinds of change are not read: none but {@code verbatim} when it is. */
    public PassageEntry(
        Span a, Span b, double similarity, String kind, int wordsA, int wordsB, String cluster,
        List<DiffOp> diff) {
      this(a, b, similarity, kind, wordsA, wordsB, cluster, diff,
          "verbatim".equals(kind) ? List.of("verbatim") : List.of());
    }
  }

  /**
   * A span of an article: {@code text} is exactly {@code articleText.substring(start, end)}.
   */
  public record Span(int start, int end, String text)
      implements java.io.Serializable {}

  /**
   * One step of a word-level diff between two spans.
   *
   * @param op {@code "equal"}, {@code "delete"} (only in a), {@code "insert"} (only in b) or
   *     {@code "replace"}
   * @param aStart start of the words in a's text (for an insert: where they would go)
   * @param aEnd end of the words in a's text (equals aStart for an insert)
   * @param bStart start of the words in b's text (for a delete: where they were)
   * @param bEnd end of the words in b's text (equals bStart for a delete)
   * @param aText a's words with what lies between them, "" for an insert
   * @param bText b's words with what lies between them, "" for a delete
   */
  public record DiffOp(
      String op, int aStart, int aEnd, int bStart, int bEnd, String aText, String bText)
      implements java.io.Serializable {}

  /**
   * A passage recurring in three or more articles: one canonical form and its variants.
   *
   * @param id {@code "C1"}, {@code "C2"}, ... in report order
   * @param articleCount distinct articles it occurs in
   * @param occurrences the canonical occurrence first, then the others by article id
   * @param earliest the article that most likely ran it first, or null when not judged
   */
  public record ClusterEntry(
      String id, int articleCount, List<Occurrence> occurrences, DirectionEntry earliest)
      implements java.io.Serializable {

    public ClusterEntry {
      occurrences = List.copyOf(occurrences);
    }

    /** A cluster whose earliest occurrence is not judged. */
    public ClusterEntry(String id, int articleCount, List<Occurrence> occurrences) {
      this(id, articleCount, occurrences, null);
    }
  }

  /**
   * Where a cluster's passage occurs in one article, and how it differs from the canonical form.
   *
   * @param canonical true for the form the others are diffed against
   * @param similarity similarity to the canonical form, 1 for the canonical one
   * @param diff word-level edit script from the canonical form (side a) to this one (side b);
   *     empty for the canonical occurrence
   * @param kinds the kinds of change from the canonical form (as {@link PassageEntry#kinds});
   *     {@code verbatim} for the canonical occurrence
   */
  public record Occurrence(
      String article,
      int start,
      int end,
      String text,
      boolean canonical,
      double similarity,
      List<DiffOp> diff,
      List<String> kinds)
      implements java.io.Serializable {

    public Occurrence {
      diff = List.copyOf(diff);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** An occurrence whose kinds of change are not read. */
    public Occurrence(
        String article, int start, int end, String text, boolean canonical, double similarity,
        List<DiffOp> diff) {
      this(article, start, end, text, canonical, similarity, diff, List.of());
    }
  }

  /**
   * Template text, reported once.
   *
   * @param id {@code "T1"}, {@code "T2"}, ... in report order (most carried first)
   * @param text the template as its canonical carrier reads
   * @param words words of {@code text}
   * @param sources the sources whose articles carry it, sorted (empty when none is named)
   * @param articleCount articles carrying it
   * @param examples ids of a few articles carrying it, sorted
   * @param corpusWide true when it is template text in every source (held at the edges of more
   *     articles than any fingerprint may be shared by and still propose pairs)
   */
  public record TemplateEntry(
      String id,
      String text,
      int words,
      List<String> sources,
      int articleCount,
      List<String> examples,
      boolean corpusWide)
      implements java.io.Serializable {

    public TemplateEntry {
      sources = List.copyOf(sources);
      examples = List.copyOf(examples);
    }
  }

  /**
   * An input file that was skipped or read with a warning.
   *
   * @param kind {@code "warning"}, {@code "skipped"} or {@code "missing"}
   */
  public record ProblemEntry(String path, String kind, String message)
      implements java.io.Serializable {}

  /**
   * Counts from the run.
   *
   * @param candidatePairs article pairs proposed by shared fingerprints before exact verification
   * @param templates template texts learned
   * @param templateArticles articles carrying template text
   * @param cappedFingerprints fingerprints held by more than {@code maxBucket} articles, which
   *     proposed stars (each holder with one representative), not all their pairs
   * @param capped what the bucket cap left out; null (and absent from the JSON) when nothing was
   *     capped
   */
  public record Stats(
      int articles,
      int candidatePairs,
      int pairs,
      int passages,
      int clusters,
      int templates,
      int templateArticles,
      int cappedFingerprints,
      int skipped,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          Caps capped)
      implements java.io.Serializable {

    /** Counts from a run that capped nothing. */
    public Stats(
        int articles, int candidatePairs, int pairs, int passages, int clusters, int templates,
        int templateArticles, int cappedFingerprints, int skipped) {
      this(articles, candidatePairs, pairs, passages, clusters, templates, templateArticles,
          cappedFingerprints, skipped, null);
    }
  }

  /**
   * One quotation as two or more articles render it.
   *
   * @param id {@code "Q1"}, {@code "Q2"}, ... in report order (most articles first)
   * @param speaker who most renderings say spoke it, named as across the articles (a person
   *     without title: {@code "Daniel Kritenbrink"}; an organisation: {@code "State Department"}),
   *     or null when none names a speaker
   * @param speakerType {@code "person"} or {@code "organisation"}, null without a speaker
   * @param articleCount distinct articles rendering it
   * @param renderings the canonical rendering first, then the others by article id and offset
   */
  public record QuoteFamilyEntry(
      String id,
      String speaker,
      String speakerType,
      int articleCount,
      List<QuoteRenderingEntry> renderings)
      implements java.io.Serializable {

    public QuoteFamilyEntry {
      renderings = List.copyOf(renderings);
    }
  }

  /**
   * What the bucket cap left out of the candidate search: fingerprints held by more than {@code
   * maxBucket} articles propose each holder paired with one representative holder (a star), not
   * every pair of holders.
   *
   * @param maxBucket the cap
   * @param fingerprints fingerprints over it
   * @param articles articles holding one of them
   * @param representativePairs candidate pairs only a star proposed
   * @param pairsNotCompared pairs of the articles holding a capped fingerprint that were not
   *     compared, at most (exact when the capped fingerprints have one set of holders)
   */
  public record Caps(
      int maxBucket, int fingerprints, int articles, int representativePairs,
      long pairsNotCompared)
      implements java.io.Serializable {}

  /**
   * One article's rendering of a quotation.
   *
   * @param start 0-based, end-exclusive offset of the quoted words in the article's text
   * @param text exactly the article's text from {@code start} to {@code end}
   * @param kind {@code "marked"} (inside quotation marks) or {@code "reported"} (reported speech
   *     after a speech verb, no marks)
   * @param canonical true for the rendering the others are diffed against
   * @param speaker the speaker this article gives, named as across the articles, or as the
   *     article describes them ({@code "Singaporean counterpart"}); null when it gives none
   * @param speakerMention the words the attribution rests on, as the article writes them
   *     ({@code "he"}, {@code "State Department Asia chief Daniel Kritenbrink"}'s name), or null
   * @param attribution {@code "speaker"} (names the family's speaker), {@code "other"} (names
   *     someone else), {@code "unnamed"} (describes the speaker without a name) or {@code "none"}
   * @param similarity IDF-weighted share of the words of the smaller of it and the canonical
   *     rendering that the two share, in [0, 1]; 1 for the canonical one
   * @param diff word-level edit script from the canonical rendering (side a) to this one (side
   *     b); empty for the canonical one
   */
  public record QuoteRenderingEntry(
      String article,
      int start,
      int end,
      String text,
      String kind,
      boolean canonical,
      String speaker,
      String speakerMention,
      String attribution,
      double similarity,
      List<DiffOp> diff,
      List<String> kinds)
      implements java.io.Serializable {

    public QuoteRenderingEntry {
      diff = List.copyOf(diff);
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
  }
}
