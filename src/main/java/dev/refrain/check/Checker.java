package dev.refrain.check;

import dev.refrain.align.Passage;
import dev.refrain.document.Article;
import dev.refrain.index.LuceneArchive;
import dev.refrain.kernel.Detector;
import dev.refrain.quote.QuoteFamily;
import dev.refrain.quote.QuoteFinder;
import dev.refrain.quote.Rendering;
import dev.refrain.kernel.PreparedArticle;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.template.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The archive strategy over the detection kernel: which pairs to compare for a new article.
 *
 * <p>Candidates are the archived articles sharing the most fingerprints with the new one
 * (fingerprints held by more than {@code maxBucket} archived articles, and template text, propose
 * nothing). Each is aligned with the new article outside both articles' template words, using
 * the templates learned from the whole archive, so a check of an archived article finds the
 * passages a scan of the archive finds. A passage does not count against the limit when it is:
 *
 * <ul>
 *   <li>accepted in the <b>baseline</b>;
 *   <li>from an <b>allowed source</b>.
 * </ul>
 *
 * <p>Template text (a site footer) is never a passage at all: the templates the checked article
 * carries are reported with it. An archived article with the checked article's own id is always
 * compared, whether or not it is among the candidates, and reported as the article's {@linkplain
 * EarlierVersion earlier version}: its passages count like any other's, unless the options say
 * the check is of an {@linkplain CheckOptions.SameId#UPDATE update}, and then they are reported
 * with the status {@link Status#UPDATE}. It is never left out in silence: a verbatim copy saved
 * under an archived article's name must not pass a gate. Thread-safe for concurrent checks.
 */
public final class Checker {
  private final Detector detector;
  private final LuceneArchive.Reader archive;
  private final CheckOptions options;
  private final Templates templates;

  public Checker(Detector detector, LuceneArchive.Reader archive, CheckOptions options) {
    this.detector = detector;
    this.archive = archive;
    this.options = options;
    this.templates = archive.templates();
  }

  /** Why a passage counts or not. */
  public enum Status {
    COUNTED,
    BASELINE,
    ALLOWED,
    /** Shared with the article's own earlier version, under {@link CheckOptions.SameId#UPDATE}. */
    UPDATE
  }

  /**
   * A passage between an archived article (side a) and the checked one (side b).
   *
   * @param shared the passage with its diff from the archived side to the checked side
   */
  public record CheckedPassage(SharedPassage shared, Status status) {}

  /**
   * An archived article the checked one shares passages with.
   *
   * @param containment share of the checked article's words in counted passages with it
   * @param containmentArchived share of the archived article's words in those passages
   * @param sameId whether the archived article has the checked article's id (its earlier version)
   */
  public record Match(
      PreparedArticle archived,
      List<CheckedPassage> passages,
      double containment,
      double containmentArchived,
      boolean sameId) {}

  /**
   * The archived article with the checked article's own id.
   *
   * @param archived that article as stored
   * @param identical whether its text is the checked article's, character for character
   * @param shared share of the checked article's words in passages shared with it, counted or
   *     not, in [0, 1]
   * @param counted whether those passages count against the limit (false under {@link
   *     CheckOptions.SameId#UPDATE})
   */
  public record EarlierVersion(Article archived, boolean identical, double shared, boolean counted) {}

  /**
   * The result for one checked article.
   *
   * @param containment share of its words in counted passages shared with any archived article
   * @param exceeded whether containment is over the limit
   * @param templateWords its words inside template text learned from the archive
   * @param matches most shared first
   * @param earlierVersion the archived article with its id, or null when the archive holds none
   * @param caps what the caps on candidates changed for it
   * @param quoteFamilies the quote families the checked article joins with the archived articles
   *     it matches: renderings numbered 0 for the checked article, then 1, 2, ... for {@code
   *     matches} in order
   */
  public record Result(
      PreparedArticle article,
      List<Match> matches,
      double containment,
      boolean exceeded,
      int templateWords,
      EarlierVersion earlierVersion,
      Caps caps,
      List<QuoteFamily> quoteFamilies) {

    /** A result whose candidates no cap changed, without quote families. */
    public Result(
        PreparedArticle article, List<Match> matches, double containment, boolean exceeded,
        int templateWords, EarlierVersion earlierVersion) {
      this(article, matches, containment, exceeded, templateWords, earlierVersion, Caps.NONE,
          List.of());
    }

    /**
     * Whether the article fails the gate: over the limit, or not compared with every candidate
     * (a gate never passes what it did not compare).
     */
    public boolean failed() {
      return exceeded || caps.candidatesNotCompared() > 0;
    }
  }

  /**
   * What the caps on a check's candidates changed.
   *
   * @param cappedFingerprints the article's fingerprints held by more than {@code maxBucket}
   *     archived articles, each of which proposed its representative holder alone (compared like
   *     any candidate)
   * @param representatives distinct archived articles proposed so
   * @param candidatesNotCompared candidates left unaligned once {@code maxCandidates} archived
   *     articles shared passages with it: the article then fails, whatever its containment
   */
  public record Caps(int cappedFingerprints, int representatives, int candidatesNotCompared) {
    public static final Caps NONE = new Caps(0, 0, 0);
  }

  /** Checks one article. */
  public Result check(Article article) {
    PreparedArticle fresh = detector.prepare(article);
    int[] freshMask = detector.mask(fresh, templates);
    LuceneArchive.CandidateSearch search =
        archive.candidateSearch(
            searchable(fresh), archive.settings().maxBucket(), Integer.MAX_VALUE);
    List<LuceneArchive.Candidate> candidates = search.candidates();
    List<Match> matches = new ArrayList<>();
    List<int[]> counted = new ArrayList<>();
    EarlierVersion earlier = null;
    int sameDoc = archive.docOf(article.id());
    if (sameDoc >= 0) {
      Article old = archive.article(sameDoc);
      Compared c = compare(fresh, freshMask, old, true);
      boolean update = options.sameId() == CheckOptions.SameId.UPDATE;
      earlier =
          new EarlierVersion(
              old, old.text().equals(article.text()),
              c == null ? 0 : Detector.containment(fresh.tokens().size(), c.shared()), !update);
      if (c != null) {
        matches.add(c.match());
        counted.addAll(c.counted());
      }
    }
    int others = 0;
    int notCompared = 0;
    for (LuceneArchive.Candidate candidate : candidates) {
      if (candidate.doc() == sameDoc) {
        continue;
      }
      if (others == options.maxCandidates()) {
        notCompared++;
        continue;
      }
      Compared c = compare(fresh, freshMask, archive.article(candidate.doc()), false);
      if (c != null) {
        others++;
        matches.add(c.match());
        counted.addAll(c.counted());
      }
    }
    matches.sort(
        Comparator.comparingDouble(Match::containment)
            .reversed()
            .thenComparing(m -> m.archived().article().id()));
    double containment = Detector.containment(fresh.tokens().size(), counted);
    return new Result(
        fresh, matches, containment, containment > options.maxContainment(),
        Templates.maskedWords(freshMask), earlier,
        new Caps(search.cappedFingerprints(), search.representatives(), notCompared),
        quoteFamilies(fresh, matches));
  }

  /**
   * The quote families the checked article (number 0) joins with the archived articles it
   * matches (numbered from 1 in match order): a quote it shares with an archived article it has
   * no passage with is not looked for.
   */
  private List<QuoteFamily> quoteFamilies(PreparedArticle fresh, List<Match> matches) {
    List<Rendering> renderings = new ArrayList<>();
    List<List<String>> people = new ArrayList<>();
    List<PreparedArticle> articles = new ArrayList<>();
    articles.add(fresh);
    for (Match m : matches) {
      articles.add(m.archived());
    }
    for (int i = 0; i < articles.size(); i++) {
      PreparedArticle p = articles.get(i);
      QuoteFinder.Found found = detector.quotesAndPeople(p);
      renderings.addAll(Rendering.of(i, p.article().text(), p.tokens(), found));
      people.add(found.people());
    }
    List<QuoteFamily> joined = new ArrayList<>();
    for (QuoteFamily f : detector.quoteFamilies(renderings, people)) {
      if (f.members().get(0).rendering().article() == 0) {
        joined.add(f);
      }
    }
    return joined;
  }

  /**
   * A match and the word spans of the checked article it holds: in counted passages, and in any.
   */
  private record Compared(Match match, List<int[]> counted, List<int[]> shared) {}

  /** Aligns an archived article with the checked one; null when they share no passage. */
  private Compared compare(PreparedArticle fresh, int[] freshMask, Article old, boolean sameId) {
    PreparedArticle prepared = detector.prepare(old);
    List<Passage> passages =
        detector.alignPair(prepared, detector.mask(prepared, templates), fresh, freshMask);
    if (passages.isEmpty()) {
      return null;
    }
    List<CheckedPassage> checked = new ArrayList<>();
    List<int[]> here = new ArrayList<>();
    List<int[]> there = new ArrayList<>();
    List<int[]> any = new ArrayList<>();
    for (Passage p : passages) {
      SharedPassage shared = detector.share(p, prepared.tokens(), fresh.tokens(), -1);
      Status status = status(fresh, prepared, p, sameId);
      any.add(new int[] {p.bFromWord(), p.bToWord()});
      if (status == Status.COUNTED) {
        here.add(new int[] {p.bFromWord(), p.bToWord()});
        there.add(new int[] {p.aFromWord(), p.aToWord()});
      }
      checked.add(new CheckedPassage(shared, status));
    }
    Match match =
        new Match(
            prepared,
            checked,
            Detector.containment(fresh.tokens().size(), here),
            Detector.containment(prepared.tokens().size(), there),
            sameId);
    return new Compared(match, here, any);
  }

  /** The article's distinct fingerprints that are not template text for it, sorted. */
  private long[] searchable(PreparedArticle p) {
    long[] hashes = p.fingerprints().hashes();
    long[] out = new long[hashes.length];
    int n = 0;
    for (long h : hashes) {
      if (!templates.isTemplate(p.sourceKey(), h)) {
        out[n++] = h;
      }
    }
    out = Arrays.copyOf(out, n);
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return Arrays.copyOf(out, distinct);
  }

  private Status status(PreparedArticle fresh, PreparedArticle old, Passage p, boolean sameId) {
    if (sameId && options.sameId() == CheckOptions.SameId.UPDATE) {
      return Status.UPDATE;
    }
    if (options.allowed(old.article().source())) {
      return Status.ALLOWED;
    }
    if (options.baseline().accepts(
        fresh.article().id(), old.article().id(), old.tokens(), p.aFromWord(), p.aToWord())) {
      return Status.BASELINE;
    }
    return Status.COUNTED;
  }
}
