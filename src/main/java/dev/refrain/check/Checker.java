package dev.refrain.check;

import dev.refrain.align.Passage;
import dev.refrain.cluster.ClusterFinder;
import dev.refrain.cluster.Link;
import dev.refrain.document.Article;
import dev.refrain.index.LuceneArchive;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Stages;
import dev.refrain.scan.Stages.PreparedArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checks new articles against an archive: finds the archived articles each shares passages with,
 * aligns them word by word, and decides which passages count against the limit.
 *
 * <p>Candidates are the archived articles sharing the most LSH band keys with the new one (keys
 * held by more than {@code maxBucket} archived articles are skipped). A passage does not count
 * when it is:
 *
 * <ul>
 *   <li><b>boilerplate</b> learned from the archive: near-verbatim (similarity at least 0.9), at
 *       the head or tail of the new article, and held by at least {@code boilerplateMinArticles}
 *       articles, counting the new one: either among the aligned candidates, or by the archive's
 *       document frequency of the passage's band keys (a footer too common to be a candidate);
 *   <li>accepted in the <b>baseline</b>;
 *   <li>from an <b>allowed source</b>.
 * </ul>
 *
 * <p>An article with the same id as an archived one is not compared with that one (a re-check of
 * an archived article is not 100% reuse of itself). Thread-safe for concurrent checks.
 */
public final class Checker {
  private static final double BOILERPLATE_SIMILARITY = 0.9;

  private final Stages stages;
  private final LuceneArchive.Reader archive;
  private final CheckOptions options;

  public Checker(Stages stages, LuceneArchive.Reader archive, CheckOptions options) {
    this.stages = stages;
    this.archive = archive;
    this.options = options;
  }

  /** Why a passage counts or not. */
  public enum Status {
    COUNTED,
    BOILERPLATE,
    BASELINE,
    ALLOWED
  }

  /**
   * A passage between an archived article (side a) and the checked one (side b).
   *
   * @param shared the passage with its diff from the archived side to the checked side
   */
  public record CheckedPassage(ScanResult.SharedPassage shared, Status status) {}

  /**
   * An archived article the checked one shares passages with.
   *
   * @param containment share of the checked article's words in counted passages with it
   * @param containmentArchived share of the archived article's words in those passages
   */
  public record Match(
      PreparedArticle archived,
      List<CheckedPassage> passages,
      double containment,
      double containmentArchived) {}

  /**
   * The result for one checked article.
   *
   * @param containment share of its words in counted passages shared with any archived article
   * @param exceeded whether containment is over the limit
   * @param matches most shared first
   */
  public record Result(
      PreparedArticle article, List<Match> matches, double containment, boolean exceeded) {}

  /** Checks one article. */
  public Result check(Article article) {
    PreparedArticle fresh = stages.prepare(article);
    List<LuceneArchive.Candidate> candidates =
        archive.candidates(fresh.keys().keys(), options.maxBucket(), options.maxCandidates() + 1);
    List<PreparedArticle> archived = new ArrayList<>();
    List<List<Passage>> aligned = new ArrayList<>();
    for (LuceneArchive.Candidate c : candidates) {
      Article old = archive.article(c.doc());
      if (old.id().equals(article.id()) || archived.size() == options.maxCandidates()) {
        continue;
      }
      PreparedArticle prepared = stages.prepareForAlignment(old);
      List<Passage> passages = stages.align(prepared, fresh);
      if (!passages.isEmpty()) {
        archived.add(prepared);
        aligned.add(passages);
      }
    }
    boolean[] boilerplate = boilerplate(fresh, archived, aligned);

    List<Match> matches = new ArrayList<>();
    boolean[] covered = new boolean[fresh.tokens().size()];
    int link = 0;
    for (int i = 0; i < archived.size(); i++) {
      PreparedArticle old = archived.get(i);
      boolean[] coveredHere = new boolean[covered.length];
      boolean[] coveredOld = new boolean[old.tokens().size()];
      List<CheckedPassage> passages = new ArrayList<>();
      for (Passage p : aligned.get(i)) {
        ScanResult.SharedPassage shared =
            stages.share(p, old.tokens(), fresh.tokens(), boilerplate[link], -1);
        Status status = status(fresh, old, p, boilerplate[link]);
        if (status == Status.COUNTED) {
          Arrays.fill(coveredHere, p.bFromWord(), p.bToWord(), true);
          Arrays.fill(covered, p.bFromWord(), p.bToWord(), true);
          Arrays.fill(coveredOld, p.aFromWord(), p.aToWord(), true);
        }
        passages.add(new CheckedPassage(shared, status));
        link++;
      }
      matches.add(
          new Match(old, passages, Stages.share(coveredHere), Stages.share(coveredOld)));
    }
    matches.sort(
        Comparator.comparingDouble(Match::containment)
            .reversed()
            .thenComparing(m -> m.archived().article().id()));
    double containment = Stages.share(covered);
    return new Result(fresh, matches, containment, containment > options.maxContainment());
  }

  private Status status(PreparedArticle fresh, PreparedArticle old, Passage p, boolean boilerplate) {
    if (boilerplate) {
      return Status.BOILERPLATE;
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

  /** Which passages (in candidate order, then passage order) are boilerplate. */
  private boolean[] boilerplate(
      PreparedArticle fresh, List<PreparedArticle> archived, List<List<Passage>> aligned) {
    List<Link> links = new ArrayList<>();
    int[] words = new int[archived.size() + 1];
    words[0] = fresh.tokens().size();
    for (int i = 0; i < archived.size(); i++) {
      words[i + 1] = archived.get(i).tokens().size();
      for (Passage p : aligned.get(i)) {
        links.add(
            new Link(i + 1, p.aFromWord(), p.aToWord(), 0, p.bFromWord(), p.bToWord(),
                p.similarity()));
      }
    }
    boolean[] result =
        new ClusterFinder(Math.max(2, options.boilerplateMinArticles()), options.boilerplateMinArticles())
            .find(links, words)
            .boilerplateLinks();
    int edge = Math.max(5, words[0] / 10);
    for (int l = 0; l < links.size(); l++) {
      Link x = links.get(l);
      boolean atEdge =
          (x.bFromWord() <= edge || words[0] - x.bToWord() <= edge)
              && 2 * (x.bToWord() - x.bFromWord()) <= words[0];
      if (!result[l] && atEdge && x.similarity() >= BOILERPLATE_SIMILARITY) {
        result[l] = heldByMany(fresh, x.bFromWord(), x.bToWord());
      }
    }
    return result;
  }

  /** Whether some window of the passage is in enough archived articles to be template text. */
  private boolean heldByMany(PreparedArticle fresh, int from, int to) {
    for (long key : stages.keysWithin(fresh, from, to).keys()) {
      if (archive.docFreq(key) + 1 >= options.boilerplateMinArticles()) {
        return true;
      }
    }
    return false;
  }
}
