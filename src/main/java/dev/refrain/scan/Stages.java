package dev.refrain.scan;

import dev.refrain.align.AlignedText;
import dev.refrain.align.Passage;
import dev.refrain.align.PassageAligner;
import dev.refrain.diff.Edit;
import dev.refrain.diff.VariantDiffer;
import dev.refrain.document.Article;
import dev.refrain.lsh.LshBanding;
import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import dev.refrain.shingle.ShingleSets;
import dev.refrain.shingle.Shingler;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The per-article and per-pair stages of the pipeline, built once from {@link ScanOptions}:
 * normalize, shingle, LSH band keys, align, diff. {@link Scanner} (all pairs of a set), the
 * archive check and a distributed job all run these same objects.
 *
 * <p>Plain serializable Java with no global state: safe to share between threads and to ship to
 * workers.
 */
public final class Stages implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ScanOptions options;
  private final TextNormalizer normalizer = new TextNormalizer();
  private final Shingler shingler;
  private final LshBanding banding;
  private final PassageAligner aligner;
  private final VariantDiffer differ = new VariantDiffer();

  public Stages(ScanOptions options) {
    this.options = options;
    this.shingler = new Shingler(options.shingleSize(), options.seed());
    this.banding =
        new LshBanding(options.bands(), options.rows(), options.window(), options.seed());
    this.aligner = new PassageAligner(options.alignOptions());
  }

  public ScanOptions options() {
    return options;
  }

  /** An article normalized, shingled and banded: everything pairs are computed from. */
  public record PreparedArticle(Article article, AlignedText text, LshBanding.BandKeys keys) {
    public Tokens tokens() {
      return text.tokens();
    }
  }

  /** Normalizes, shingles and bands one article. */
  public PreparedArticle prepare(Article article) {
    Tokens tokens = normalizer.tokenize(article.text());
    long[] shingles = shingler.shingles(tokens);
    return new PreparedArticle(
        article, new AlignedText(article.text(), tokens, shingles), banding.keys(shingles));
  }

  /**
   * The band keys of the windows lying inside words {@code fromWord..toWord} of an article: what
   * an archive is asked to find out how many articles hold a passage.
   */
  public LshBanding.BandKeys keysWithin(PreparedArticle p, int fromWord, int toWord) {
    long[] shingles = p.text().shingles();
    int to = Math.max(fromWord, Math.min(shingles.length, toWord - options.shingleSize() + 1));
    return banding.keys(Arrays.copyOfRange(shingles, Math.min(fromWord, to), to));
  }

  /**
   * Normalizes and shingles one article without LSH band keys (they come back empty): enough to
   * align it, for an archived article found by its keys already.
   */
  public PreparedArticle prepareForAlignment(Article article) {
    Tokens tokens = normalizer.tokenize(article.text());
    long[] shingles = shingler.shingles(tokens);
    return new PreparedArticle(
        article,
        new AlignedText(article.text(), tokens, shingles),
        new LshBanding.BandKeys(new long[0], false));
  }

  /** The passages two prepared articles share ({@code a == b}: repeated inside one article). */
  public List<Passage> align(PreparedArticle a, PreparedArticle b) {
    return aligner.align(a.text(), a == b ? a.text() : b.text());
  }

  /** A passage with its word-level diff and diff-based similarity. */
  public ScanResult.SharedPassage share(
      Passage p, Tokens a, Tokens b, boolean boilerplate, int cluster) {
    List<Edit> diff = differ.diff(a, p.aFromWord(), p.aToWord(), b, p.bFromWord(), p.bToWord());
    double similarity = 2.0 * VariantDiffer.sharedWords(diff) / (p.wordsA() + p.wordsB());
    return new ScanResult.SharedPassage(p, similarity, boilerplate, cluster, diff);
  }

  /** Word-level diff of two word ranges. */
  public List<Edit> diff(Tokens a, int aFrom, int aTo, Tokens b, int bFrom, int bTo) {
    return differ.diff(a, aFrom, aTo, b, bFrom, bTo);
  }

  /**
   * A pair's figures: containment both ways (words inside non-boilerplate passages) and the
   * exact Jaccard of the shingle sets.
   */
  public static ScanResult.Pair pair(
      int ia, int ib, PreparedArticle a, PreparedArticle b, List<ScanResult.SharedPassage> shared) {
    boolean self = ia == ib;
    boolean[] coveredA = new boolean[a.tokens().size()];
    boolean[] coveredB = self ? coveredA : new boolean[b.tokens().size()];
    for (ScanResult.SharedPassage s : shared) {
      if (!s.boilerplate()) {
        Passage p = s.passage();
        Arrays.fill(coveredA, p.aFromWord(), p.aToWord(), true);
        Arrays.fill(coveredB, p.bFromWord(), p.bToWord(), true);
      }
    }
    double jaccard =
        self ? 1.0 : ShingleSets.jaccard(a.text().sortedShingles(), b.text().sortedShingles());
    return new ScanResult.Pair(ia, ib, shared, share(coveredA), share(coveredB), jaccard);
  }

  /** The share of true values, 0 for an empty array. */
  public static double share(boolean[] covered) {
    int n = 0;
    for (boolean c : covered) {
      if (c) {
        n++;
      }
    }
    return covered.length == 0 ? 0 : (double) n / covered.length;
  }
}
