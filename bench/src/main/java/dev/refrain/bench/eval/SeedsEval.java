package dev.refrain.bench.eval;

import dev.refrain.kernel.ArticlePair;
import dev.refrain.kernel.SharedPassage;
import dev.refrain.document.Article;
import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoadResult;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.kernel.DetectorOptions;
import dev.refrain.scan.ScanResult;
import dev.refrain.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a full {@link Scanner#scan} of the seed articles against the hand-made gold file
 * ({@link SeedsGold}).
 *
 * <p>A found passage matches a verbatim or variant gold passage of the same article pair (or the
 * same article, for a passage it repeats) when they overlap on both sides. A boilerplate gold
 * passage is found when most of its words are masked as template text in both its articles (and
 * a found passage overlapping it is a false alarm). Recall: share of the (non-optional) gold
 * passages found, by kind. Precision: share of found passages that match a gold passage, leaving
 * out those that match only optional gold.
 */
public final class SeedsEval {

  /** The corpus name on the command line. */
  public static final String NAME = "seeds";

  static final String TITLE = "Seed articles (seeds/*.txt) against seeds-gold.json";

  private SeedsEval() {}

  /** Loads the seed articles from {@code dir}, scans them with defaults and scores the scan. */
  public static CorpusResult run(Path dir) throws MissingDataException {
    if (!Files.isDirectory(dir)) {
      throw new MissingDataException(
          "seeds: put the seed articles (*.txt) in " + dir.toAbsolutePath().normalize()
              + " or name their folder with --seeds");
    }
    LoadResult loaded = new ArticleLoader().load(List.of(dir.toString()));
    if (loaded.articles().isEmpty()) {
      throw new MissingDataException(
          "seeds: no articles in " + dir.toAbsolutePath().normalize());
    }
    return evaluate(loaded.articles(), SeedsGold.load(), DetectorOptions.defaults());
  }

  /** The outcome of matching one scan against the gold passages. */
  record Outcome(
      Map<SeedsGold.Kind, int[]> recallByKind,
      int found,
      int judged,
      int correct,
      List<String> misses,
      List<String> falseAlarms) {}

  /** Scans the articles with {@code options} and scores the scan against {@code gold}. */
  public static CorpusResult evaluate(List<Article> articles, SeedsGold gold, DetectorOptions options) {
    ScanResult result = new Scanner(options).scan(articles, ProgressListener.NONE);
    Outcome o = match(result, gold);
    List<Figure> figures = new ArrayList<>();
    int[] v = o.recallByKind().get(SeedsGold.Kind.VERBATIM);
    int[] w = o.recallByKind().get(SeedsGold.Kind.VARIANT);
    int[] bp = o.recallByKind().get(SeedsGold.Kind.BOILERPLATE);
    figures.add(
        new Figure(
            "recall, near-verbatim passages (" + v[0] + "/" + v[1] + ")",
            share(v), 3, Figure.Target.atLeast(1.0), null));
    figures.add(
        new Figure(
            "precision, found passages (" + o.correct() + "/" + o.judged() + ")",
            o.judged() == 0 ? 0 : (double) o.correct() / o.judged(),
            3, Figure.Target.atLeast(0.95), null));
    figures.add(Figure.of("recall, reworded variants (" + w[0] + "/" + w[1] + ")", share(w), 3));
    figures.add(Figure.of("recall, boilerplate masked as template text (" + bp[0] + "/" + bp[1] + ")", share(bp), 3));
    int hit = v[0] + w[0] + bp[0];
    int all = v[1] + w[1] + bp[1];
    figures.add(Figure.of("recall, all gold passages (" + hit + "/" + all + ")", all == 0 ? 0 : (double) hit / all, 3));
    figures.add(Figure.of("passages found by the scan", o.found(), 0));
    figures.add(Figure.of("found passages matching only optional gold", o.found() - o.judged(), 0));
    List<String> notes = new ArrayList<>();
    notes.add("missed: " + (o.misses().isEmpty() ? "none" : String.join("; ", o.misses())));
    notes.add(
        "false alarms: " + (o.falseAlarms().isEmpty() ? "none" : String.join("; ", o.falseAlarms())));
    List<String> method =
        List.of(
            "scan: Scanner.scan of the " + articles.size() + " seed articles, default options"
                + " (shingle " + options.shingleSize() + ", min words " + options.minWords()
                + ", max gap " + options.maxGap() + ", templates from "
                + options.templateMinArticles() + " articles)",
            "gold: " + gold.passages().size() + " hand-judged passages in"
                + " src/main/resources" + SeedsGold.RESOURCE + " ("
                + gold.passages().stream().filter(p -> !p.optional()).count() + " counted, the"
                + " rest optional borderline sharing)",
            "match: overlap on both sides in the same article pair; boilerplate gold: masked as"
                + " template text in both articles; found passages matching only optional gold"
                + " are left out of precision");
    return CorpusResult.of(NAME, TITLE, method, figures, notes);
  }

  /** Matches the scan's passages with the gold passages. */
  static Outcome match(ScanResult result, SeedsGold gold) {
    Map<String, String> texts = new HashMap<>();
    for (Article a : result.articles()) {
      texts.put(a.id(), a.text());
    }
    List<SeedsGold.Located> located = gold.locate(texts);
    List<Found> found = new ArrayList<>();
    for (ArticlePair p : result.pairs()) {
      String a = result.articles().get(p.a()).id();
      String b = result.articles().get(p.b()).id();
      for (SharedPassage s : p.passages()) {
        found.add(new Found(a, b, s));
      }
    }
    Map<SeedsGold.Kind, int[]> recall = new EnumMap<>(SeedsGold.Kind.class);
    for (SeedsGold.Kind k : SeedsGold.Kind.values()) {
      recall.put(k, new int[2]);
    }
    List<String> misses = new ArrayList<>();
    for (SeedsGold.Located g : located) {
      if (g.gold().optional()) {
        continue;
      }
      int[] r = recall.get(g.gold().kindValue());
      r[1]++;
      boolean hit =
          g.gold().kindValue() == SeedsGold.Kind.BOILERPLATE
              ? masked(result, g)
              : found.stream().anyMatch(f -> matches(f, g));
      if (hit) {
        r[0]++;
      } else {
        misses.add(
            g.gold().id() + " (" + g.gold().kindValue().label() + ", " + shortId(g.gold().a())
                + "/" + shortId(g.gold().b()) + ")");
      }
    }
    int judged = 0;
    int correct = 0;
    List<String> falseAlarms = new ArrayList<>();
    for (Found f : found) {
      boolean required =
          located.stream().anyMatch(g -> !g.gold().optional() && matches(f, g));
      boolean optional = located.stream().anyMatch(g -> g.gold().optional() && matches(f, g));
      if (required) {
        judged++;
        correct++;
      } else if (!optional) {
        judged++;
        var x = f.passage().passage();
        String text = texts.get(f.a()).substring(x.aStart(), x.aEnd()).replaceAll("\\s+", " ");
        falseAlarms.add(
            String.format(
                Locale.ROOT,
                "%s/%s%s \"%s\"",
                shortId(f.a()),
                shortId(f.b()),
                "",
                text.length() > 80 ? text.substring(0, 77) + "..." : text));
      }
    }
    return new Outcome(recall, found.size(), judged, correct, misses, falseAlarms);
  }

  private record Found(String a, String b, SharedPassage passage) {}

  /** Whether a boilerplate gold passage is template text in both its articles. */
  private static boolean masked(ScanResult result, SeedsGold.Located g) {
    int a = index(result, g.gold().a());
    int b = index(result, g.gold().b());
    return a >= 0 && b >= 0
        && SyntheticEval.maskedShare(result, a, g.aStart(), g.aEnd()) > 0.5
        && SyntheticEval.maskedShare(result, b, g.bStart(), g.bEnd()) > 0.5;
  }

  private static int index(ScanResult result, String id) {
    for (int i = 0; i < result.articles().size(); i++) {
      if (result.articles().get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(Found f, SeedsGold.Located g) {
    var p = f.passage().passage();
    boolean direct =
        f.a().equals(g.gold().a())
            && f.b().equals(g.gold().b())
            && overlaps(p.aStart(), p.aEnd(), g.aStart(), g.aEnd())
            && overlaps(p.bStart(), p.bEnd(), g.bStart(), g.bEnd());
    boolean swapped =
        f.a().equals(g.gold().b())
            && f.b().equals(g.gold().a())
            && overlaps(p.aStart(), p.aEnd(), g.bStart(), g.bEnd())
            && overlaps(p.bStart(), p.bEnd(), g.aStart(), g.aEnd());
    return direct || swapped;
  }

  private static boolean overlaps(int s1, int e1, int s2, int e2) {
    return s1 < e2 && s2 < e1;
  }

  private static String shortId(String id) {
    int underscore = id.indexOf('_');
    return underscore > 0 ? id.substring(0, underscore) : id;
  }

  private static double share(int[] r) {
    return r[1] == 0 ? 1 : (double) r[0] / r[1];
  }
}
