package dev.refrain.bench.eval;

import dev.refrain.kernel.DetectorOptions;
import dev.refrain.kernel.ProgressListener;
import dev.refrain.quote.QuoteFamily;
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
 * Evaluates the quote families of a full {@link Scanner#scan} of a {@link QuoteCorpus} against
 * its planted quotes.
 *
 * <p>A found rendering <i>is</i> a planted one when it is in the same article and covers at least
 * half of the planted words' characters. <b>Family recall</b>: of the pairs of planted renderings
 * of one quote in two articles, the share whose found renderings are in one family.
 * <b>Family precision</b>: of the pairs of renderings in one found family in two articles, the
 * share that are renderings of one planted quote (a found rendering that is no planted one counts
 * against). <b>Speaker accuracy</b>: of the planted quotes, the share whose family (the one
 * holding most of its renderings) names its true speaker; a quote in no family counts as wrong.
 */
public final class QuotesEval {
  public static final String NAME = "quotes";
  static final String TITLE = "Quote families (seeded corpus with known quotes and speakers)";

  /** Stories of the standard corpus. */
  public static final int STORIES = 300;

  public static final long SEED = 19451L;

  private QuotesEval() {}

  /** Generates the standard corpus and evaluates it with default options. */
  public static CorpusResult run(Path data) {
    QuoteCorpus.Settings settings = new QuoteCorpus.Settings(STORIES, 120, 12, SEED);
    int need = settings.sentencesNeeded();
    SentencePool pool =
        SentencePool.reutersPresent(data)
            ? SentencePool.reuters(data, need)
            : SentencePool.generated(need, SEED);
    if (pool.sentences().size() < need) {
      pool = SentencePool.generated(need, SEED);
    }
    return evaluate(QuoteCorpus.generate(settings, pool));
  }

  /** The figures of one scoring. */
  record Score(
      long truePairs, long truePairsFound, long foundPairs, long foundPairsTrue, int quotes,
      int speakersRight, int renderings, int renderingsFound, int families,
      Map<QuoteCorpus.Pattern, int[]> byPattern, Map<QuoteCorpus.Edit, long[]> byEdit,
      List<String> misses) {}

  public static CorpusResult evaluate(QuoteCorpus.Generated g) {
    ScanResult result = new Scanner(DetectorOptions.defaults()).scan(g.articles(), ProgressListener.NONE);
    Score s = score(g, result);
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("family recall (pairs of renderings of one quote in one family)",
        ratio(s.truePairsFound(), s.truePairs()), 3, Figure.Target.atLeast(0.9), null));
    figures.add(new Figure("speaker accuracy (quotes whose family names the true speaker)",
        ratio(s.speakersRight(), s.quotes()), 3, Figure.Target.atLeast(0.9), null));
    figures.add(new Figure("family precision (pairs in one family that are one quote)",
        ratio(s.foundPairsTrue(), s.foundPairs()), 3, Figure.Target.atLeast(0.9), null));
    figures.add(Figure.of("planted renderings found as quotes (" + s.renderingsFound() + "/"
        + s.renderings() + ")", ratio(s.renderingsFound(), s.renderings()), 3));
    for (QuoteCorpus.Edit e : QuoteCorpus.Edit.values()) {
      long[] c = s.byEdit().get(e);
      figures.add(Figure.of("family recall, pairs with a " + e.label() + " rendering",
          ratio(c[0], c[1]), 3));
    }
    for (QuoteCorpus.Pattern p : QuoteCorpus.Pattern.values()) {
      int[] c = s.byPattern().get(p);
      if (c[1] > 0) {
        figures.add(Figure.of("renderings in their quote's family, attributed " + label(p)
            + " (" + c[0] + "/" + c[1] + ")", ratio(c[0], c[1]), 3));
      }
    }
    QuoteCorpus.Settings st = g.settings();
    List<String> method =
        List.of(
            String.format(Locale.ROOT,
                "corpus: %d articles, %d stories of 2-3 quotes each in 2-5 articles, %d quotes,"
                    + " %d planted renderings, %d people and %d organisations speaking, seed %d,"
                    + " sentences: %s", g.articles().size(), st.stories(), g.quotes(),
                g.planted().size(), st.people(), st.organisations(), st.seed(), g.sentenceSource()),
            "renderings: verbatim, trimmed (a contiguous 60-85% of the words) or reworded (each"
                + " word with p=0.15 substituted, dropped, followed by an inserted word or"
                + " respelled), a third each; attributed with the full name and title, the"
                + " surname after a first mention (a fifth without one), 'told reporters that',"
                + " 'he said' after a first mention, reported speech, 'a senior official',"
                + " no speaker, someone else, or for organisations 'the X said' / 'according to';"
                + " a fifth of the articles respell the first names (an h inserted)",
            "scan: Scanner.scan of the whole corpus, default options; a found rendering is a"
                + " planted one when in the same article and covering half its characters",
            "recall: pairs of planted renderings of one quote in two articles found in one"
                + " family; precision: pairs of renderings of one family in two articles that"
                + " are one planted quote; speaker accuracy: quotes whose family (the one holding"
                + " most of their renderings) names the true speaker, a quote in no family"
                + " counting as wrong");
    List<String> notes = new ArrayList<>();
    notes.add(s.families() + " quote families found");
    notes.addAll(s.misses());
    return CorpusResult.of(NAME, TITLE, method, figures, notes);
  }

  private static String label(QuoteCorpus.Pattern p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static Score score(QuoteCorpus.Generated g, ScanResult result) {
    Map<String, Integer> number = new HashMap<>();
    for (int i = 0; i < result.store().size(); i++) {
      number.put(result.store().info(i).id(), i);
    }
    // Each found rendering: its family, keyed by article number.
    Map<Integer, List<int[]>> found = new HashMap<>(); // article -> {start, end, family}
    List<QuoteFamily> families = result.quoteFamilies();
    for (int f = 0; f < families.size(); f++) {
      for (QuoteFamily.Member m : families.get(f).members()) {
        found.computeIfAbsent(m.rendering().article(), k -> new ArrayList<>())
            .add(new int[] {m.rendering().quote().start(), m.rendering().quote().end(), f});
      }
    }
    List<QuoteCorpus.Planted> planted = g.planted();
    int[] familyOf = new int[planted.size()];
    int renderingsFound = 0;
    Map<Long, Integer> plantedAt = new HashMap<>(); // (article, found start) -> planted index
    for (int i = 0; i < planted.size(); i++) {
      QuoteCorpus.Planted p = planted.get(i);
      familyOf[i] = -1;
      int article = number.get(p.article());
      int best = 0;
      for (int[] r : found.getOrDefault(article, List.of())) {
        int overlap = Math.min(r[1], p.end()) - Math.max(r[0], p.start());
        if (overlap * 2 >= p.end() - p.start() && overlap > best) {
          best = overlap;
          familyOf[i] = r[2];
          plantedAt.put(((long) article << 32) | r[0], i);
        }
      }
      if (familyOf[i] >= 0) {
        renderingsFound++;
      }
    }
    Map<Integer, List<Integer>> byQuote = new HashMap<>();
    for (int i = 0; i < planted.size(); i++) {
      byQuote.computeIfAbsent(planted.get(i).quote(), k -> new ArrayList<>()).add(i);
    }
    long truePairs = 0;
    long truePairsFound = 0;
    Map<QuoteCorpus.Edit, long[]> byEdit = new EnumMap<>(QuoteCorpus.Edit.class);
    for (QuoteCorpus.Edit e : QuoteCorpus.Edit.values()) {
      byEdit.put(e, new long[2]);
    }
    int speakersRight = 0;
    List<String> misses = new ArrayList<>();
    Map<QuoteCorpus.Pattern, int[]> byPattern = new EnumMap<>(QuoteCorpus.Pattern.class);
    for (QuoteCorpus.Pattern p : QuoteCorpus.Pattern.values()) {
      byPattern.put(p, new int[2]);
    }
    for (List<Integer> renderings : byQuote.values()) {
      for (int x = 0; x < renderings.size(); x++) {
        for (int y = x + 1; y < renderings.size(); y++) {
          QuoteCorpus.Planted a = planted.get(renderings.get(x));
          QuoteCorpus.Planted b = planted.get(renderings.get(y));
          if (a.article().equals(b.article())) {
            continue;
          }
          truePairs++;
          boolean together = familyOf[renderings.get(x)] >= 0
              && familyOf[renderings.get(x)] == familyOf[renderings.get(y)];
          truePairsFound += together ? 1 : 0;
          for (QuoteCorpus.Edit e : new QuoteCorpus.Edit[] {a.edit(), b.edit()}) {
            byEdit.get(e)[1]++;
            byEdit.get(e)[0] += together ? 1 : 0;
          }
        }
      }
      Map<Integer, Integer> votes = new HashMap<>();
      for (int i : renderings) {
        if (familyOf[i] >= 0) {
          votes.merge(familyOf[i], 1, Integer::sum);
        }
      }
      int family = -1;
      for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
        if (family < 0 || e.getValue() > votes.get(family)
            || e.getValue().equals(votes.get(family)) && e.getKey() < family) {
          family = e.getKey();
        }
      }
      String truth = planted.get(renderings.get(0)).speaker();
      String named = family < 0 ? null : families.get(family).speaker();
      if (truth.equals(named)) {
        speakersRight++;
      } else if (misses.size() < 5) {
        QuoteCorpus.Planted p = planted.get(renderings.get(0));
        misses.add("speaker miss: quote " + p.quote() + " of " + truth + " ("
            + renderings.size() + " renderings) in " + (family < 0 ? "no family" : "a family naming " + named));
      }
      for (int i : renderings) {
        int[] c = byPattern.get(planted.get(i).pattern());
        c[1]++;
        c[0] += family >= 0 && familyOf[i] == family ? 1 : 0;
      }
    }
    long foundPairs = 0;
    long foundPairsTrue = 0;
    for (QuoteFamily f : families) {
      List<QuoteFamily.Member> m = f.members();
      for (int x = 0; x < m.size(); x++) {
        for (int y = x + 1; y < m.size(); y++) {
          if (m.get(x).rendering().article() == m.get(y).rendering().article()) {
            continue;
          }
          foundPairs++;
          Integer px = plantedAt.get(((long) m.get(x).rendering().article() << 32) | m.get(x).rendering().quote().start());
          Integer py = plantedAt.get(((long) m.get(y).rendering().article() << 32) | m.get(y).rendering().quote().start());
          if (px != null && py != null && planted.get(px).quote() == planted.get(py).quote()) {
            foundPairsTrue++;
          }
        }
      }
    }
    return new Score(
        truePairs, truePairsFound, foundPairs, foundPairsTrue, byQuote.size(), speakersRight,
        planted.size(), renderingsFound, families.size(), byPattern, byEdit, misses);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
