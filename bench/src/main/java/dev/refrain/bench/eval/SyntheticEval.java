package dev.refrain.bench.eval;

import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.align.Passage;
import dev.refrain.document.Article;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a full {@link Scanner#scan} of a {@link SyntheticCorpus} against its planted
 * passages: character recall by edit type, character precision, and whether any outlet footer
 * was reported as reuse.
 *
 * <p>Recall of a planted passage: the share of its characters (source and copy side together)
 * covered by the non-boilerplate passages found in the same article pair that overlap it on both
 * sides; summed over the passages of an edit type. Precision: the share of the found
 * non-boilerplate passages' characters (both sides) that lie inside planted passages they
 * overlap on both sides.
 */
public final class SyntheticEval {

  /** The corpus name on the command line. */
  public static final String NAME = "synthetic";

  static final String TITLE = "Synthetic syndication corpus (seeded generator)";

  /** Stories of the corpus {@code refrain-bench eval synthetic} generates. */
  public static final int STORIES = 160;

  /** Its seed. */
  public static final long SEED = 21578L;

  private SyntheticEval() {}

  /**
   * Generates the standard corpus ({@value #STORIES} stories, seed {@value #SEED}) from Reuters
   * sentences when {@code data} holds Reuters-21578, else from generated sentences, and evaluates
   * it with default scan options.
   */
  public static CorpusResult run(Path data) {
    return evaluate(generate(data, SyntheticCorpus.Settings.of(STORIES, SEED)), DetectorOptions.defaults());
  }

  /** Generates a corpus with {@code settings}, from Reuters sentences when available. */
  public static SyntheticCorpus.Generated generate(Path data, SyntheticCorpus.Settings settings) {
    int need = settings.sentencesNeeded();
    SentencePool pool =
        SentencePool.reutersPresent(data)
            ? SentencePool.reuters(data, need)
            : SentencePool.generated(need, settings.seed());
    if (pool.sentences().size() < need) {
      pool = SentencePool.generated(need, settings.seed());
    }
    return SyntheticCorpus.generate(settings, pool);
  }

  /** Character counts of one scoring. */
  record Counts(
      Map<SyntheticCorpus.Edit, long[]> recall,
      Map<SyntheticCorpus.Edit, int[]> detected,
      long preciseChars,
      long foundChars,
      long offFooterChars,
      int footerAsReuse,
      int footersMasked,
      int footers,
      int foundPassages) {}

  /** Scans the corpus with {@code options} and scores the scan. */
  public static CorpusResult evaluate(SyntheticCorpus.Generated g, DetectorOptions options) {
    ScanResult result = new Scanner(options).scan(g.articles(), ProgressListener.NONE);
    Counts c = score(g, result);
    List<Figure> figures = new ArrayList<>();
    Map<SyntheticCorpus.Edit, Double> targets =
        Map.of(
            SyntheticCorpus.Edit.VERBATIM, 0.99,
            SyntheticCorpus.Edit.LIGHT, 0.95,
            SyntheticCorpus.Edit.PARAPHRASED, 0.60);
    for (SyntheticCorpus.Edit e : SyntheticCorpus.Edit.values()) {
      long[] r = c.recall().get(e);
      Double t = targets.get(e);
      figures.add(
          new Figure(
              "character recall, " + e.label(),
              r[1] == 0 ? 0 : (double) r[0] / r[1],
              3,
              t == null ? null : Figure.Target.atLeast(t),
              null));
    }
    figures.add(
        new Figure(
            "character precision",
            c.foundChars() == 0 ? 0 : (double) c.preciseChars() / c.foundChars(),
            3,
            Figure.Target.atLeast(0.97),
            null));
    figures.add(
        Figure.of(
            "character precision, passages not on footers",
            c.offFooterChars() == 0 ? 0 : (double) c.preciseChars() / c.offFooterChars(),
            3));
    figures.add(
        new Figure("footer passages reported as reuse", c.footerAsReuse(), 0, Figure.Target.atMost(0), null));
    figures.add(
        Figure.of(
            "articles whose footer is masked as template text (" + c.footersMasked() + "/"
                + c.footers() + ")",
            c.footers() == 0 ? 0 : (double) c.footersMasked() / c.footers(),
            3));
    for (SyntheticCorpus.Edit e : SyntheticCorpus.Edit.values()) {
      int[] d = c.detected().get(e);
      figures.add(
          Figure.of(
              "planted " + e.label() + " passages touched (" + d[0] + "/" + d[1] + ")",
              d[1] == 0 ? 0 : (double) d[0] / d[1],
              3));
    }
    SyntheticCorpus.Settings s = g.settings();
    List<String> method =
        List.of(
            String.format(
                Locale.ROOT,
                "corpus: %d articles (%d stories over %d outlets, up to %d copies each, %d"
                    + " unrelated), seed %d, sentences: %s; %d planted passages",
                g.articles().size(), s.stories(), s.outlets(), s.maxCopies(), s.unrelated(),
                s.seed(), g.sentenceSource(), g.planted().size()),
            String.format(
                Locale.ROOT,
                "edits of 2-4 consecutive source sentences: verbatim; light (each word with"
                    + " p=%.2f, at least one per sentence, dropped, swapped for a synonym or"
                    + " followed by an inserted word; quotation marks and apostrophes changed);"
                    + " reordered (the sentences shuffled, each scored on its own); paraphrased"
                    + " (each word with p=%.2f, at least one per sentence, substituted 70%%,"
                    + " dropped 15%%, followed by an inserted word 15%%); a boilerplate footer per"
                    + " outlet, from %d templates filled in with the outlet's name",
                s.lightRate(), s.paraphraseRate(), SyntheticCorpus.footerTemplates()),
            "scan: Scanner.scan of the whole corpus, default options (shingle "
                + "" + options.shingleSize() + ", min words " + options.minWords() + ", max gap "
                + options.maxGap() + ", templates from " + options.templateMinArticles()
                + " articles)",
            "recall: characters of each planted passage (both sides) covered by found"
                + " passages overlapping it on both sides; precision: characters of found"
                + " passages inside planted passages they overlap; a footer is masked when 80%"
                + " of its words are template words");
    List<String> notes = new ArrayList<>();
    notes.add(
        c.foundPassages() + " passages found; " + result.templates().list().size()
            + " templates learned, carried by " + result.templateArticles() + " articles");
    if (c.footerAsReuse() > 0) {
      notes.add(c.footerAsReuse() + " passages on footers were reported as reuse");
    }
    return CorpusResult.of(NAME, TITLE, method, figures, notes);
  }

  /** Scores a scan against the corpus's planted passages and footers. */
  static Counts score(SyntheticCorpus.Generated g, ScanResult result) {
    Map<String, List<SyntheticCorpus.Planted>> plantedByPair = new HashMap<>();
    for (SyntheticCorpus.Planted p : g.planted()) {
      plantedByPair.computeIfAbsent(key(p.source(), p.copy()), k -> new ArrayList<>()).add(p);
    }
    Map<String, SyntheticCorpus.Footer> footers = new HashMap<>();
    for (SyntheticCorpus.Footer f : g.footers()) {
      footers.put(f.article(), f);
    }
    Map<SyntheticCorpus.Edit, long[]> recall = new EnumMap<>(SyntheticCorpus.Edit.class);
    Map<SyntheticCorpus.Edit, int[]> detected = new EnumMap<>(SyntheticCorpus.Edit.class);
    for (SyntheticCorpus.Edit e : SyntheticCorpus.Edit.values()) {
      recall.put(e, new long[2]);
      detected.put(e, new int[2]);
    }
    // Found passages, oriented as (source side, copy side) where the pair has plants.
    Map<String, List<int[]>> foundByPair = new HashMap<>();
    long precise = 0;
    long foundChars = 0;
    long offFooterChars = 0;
    int footerAsReuse = 0;
    int count = 0;
    for (ArticlePair pair : result.pairs()) {
      Article a = result.articles().get(pair.a());
      Article b = result.articles().get(pair.b());
      for (SharedPassage s : pair.passages()) {
        count++;
        Passage x = s.passage();
        boolean onFooters =
            overlaps(footers.get(a.id()), x.aStart(), x.aEnd())
                && overlaps(footers.get(b.id()), x.bStart(), x.bEnd());
        int chars = (x.aEnd() - x.aStart()) + (x.bEnd() - x.bStart());
        foundChars += chars;
        if (onFooters) {
          footerAsReuse++;
        } else {
          offFooterChars += chars;
        }
        List<SyntheticCorpus.Planted> plants = plantedByPair.getOrDefault(key(a.id(), b.id()), List.of());
        if (plants.isEmpty()) {
          continue;
        }
        boolean aIsSource = plants.get(0).source().equals(a.id());
        int[] f =
            aIsSource
                ? new int[] {x.aStart(), x.aEnd(), x.bStart(), x.bEnd()}
                : new int[] {x.bStart(), x.bEnd(), x.aStart(), x.aEnd()};
        foundByPair.computeIfAbsent(key(a.id(), b.id()), k -> new ArrayList<>()).add(f);
        List<int[]> sourceSpans = new ArrayList<>();
        List<int[]> copySpans = new ArrayList<>();
        for (SyntheticCorpus.Planted p : plants) {
          if (overlaps(p.sourceStart(), p.sourceEnd(), f[0], f[1])
              && overlaps(p.copyStart(), p.copyEnd(), f[2], f[3])) {
            sourceSpans.add(new int[] {p.sourceStart(), p.sourceEnd()});
            copySpans.add(new int[] {p.copyStart(), p.copyEnd()});
          }
        }
        precise += covered(f[0], f[1], sourceSpans) + covered(f[2], f[3], copySpans);
      }
    }
    for (SyntheticCorpus.Planted p : g.planted()) {
      List<int[]> sourceSpans = new ArrayList<>();
      List<int[]> copySpans = new ArrayList<>();
      for (int[] f : foundByPair.getOrDefault(key(p.source(), p.copy()), List.of())) {
        if (overlaps(p.sourceStart(), p.sourceEnd(), f[0], f[1])
            && overlaps(p.copyStart(), p.copyEnd(), f[2], f[3])) {
          sourceSpans.add(new int[] {f[0], f[1]});
          copySpans.add(new int[] {f[2], f[3]});
        }
      }
      long[] r = recall.get(p.edit());
      r[0] += covered(p.sourceStart(), p.sourceEnd(), sourceSpans)
          + covered(p.copyStart(), p.copyEnd(), copySpans);
      r[1] += (p.sourceEnd() - p.sourceStart()) + (p.copyEnd() - p.copyStart());
      int[] d = detected.get(p.edit());
      d[1]++;
      if (!sourceSpans.isEmpty()) {
        d[0]++;
      }
    }
    int footersMasked = 0;
    for (int i = 0; i < result.articles().size(); i++) {
      SyntheticCorpus.Footer f = footers.get(result.articles().get(i).id());
      if (f != null && maskedShare(result, i, f.start(), f.end()) >= 0.8) {
        footersMasked++;
      }
    }
    return new Counts(
        recall, detected, precise, foundChars, offFooterChars, footerAsReuse, footersMasked,
        footers.size(), count);
  }

  /** Share of the words of characters {@code start..end} of an article masked as template. */
  static double maskedShare(ScanResult result, int article, int start, int end) {
    var tokens = result.tokens().get(article);
    int from = tokens.wordAtOrAfter(start);
    int to = tokens.wordAtOrAfter(Math.max(start, end - 1));
    if (to < tokens.size() && tokens.start(to) < end) {
      to++;
    }
    if (to <= from) {
      return 0;
    }
    int[] mask = result.templateMask(article);
    int masked = 0;
    for (int r = 0; r < mask.length; r += 2) {
      masked += Math.max(0, Math.min(to, mask[r + 1]) - Math.max(from, mask[r]));
    }
    return (double) masked / (to - from);
  }

  private static String key(String x, String y) {
    return x.compareTo(y) < 0 ? x + "\u0000" + y : y + "\u0000" + x;
  }

  private static boolean overlaps(SyntheticCorpus.Footer f, int start, int end) {
    return f != null && overlaps(f.start(), f.end(), start, end);
  }

  private static boolean overlaps(int s1, int e1, int s2, int e2) {
    return s1 < e2 && s2 < e1;
  }

  /** Characters of {@code from..to} inside the union of {@code spans}. */
  static long covered(int from, int to, List<int[]> spans) {
    if (spans.isEmpty() || to <= from) {
      return 0;
    }
    boolean[] hit = new boolean[to - from];
    for (int[] s : spans) {
      for (int i = Math.max(from, s[0]); i < Math.min(to, s[1]); i++) {
        hit[i - from] = true;
      }
    }
    long n = 0;
    for (boolean h : hit) {
      if (h) {
        n++;
      }
    }
    return n;
  }
}
