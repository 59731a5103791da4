package dev.refrain.bench.eval;

import dev.refrain.document.Article;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Builds seeded synthetic syndication corpora with known reuse: wire stories, copies of parts of
 * them in other outlets' articles (verbatim, lightly edited, reordered or paraphrased), unrelated
 * articles, and a boilerplate footer per outlet; every reused passage and footer is recorded with
 * exact character offsets.
 *
 * <p>Each story has a source article (its outlet chosen at random) and one to {@code maxCopies}
 * copies in articles of other outlets. A copy takes two to four consecutive source sentences
 * (each copy of a story different ones, so copies share nothing with each other) and edits them:
 *
 * <ul>
 *   <li>{@link Edit#VERBATIM}: unchanged;
 *   <li>{@link Edit#LIGHT}: each word with probability {@code lightRate} (at least one word per
 *       sentence) dropped, replaced by a synonym (or, lacking one, another word) or followed by an
 *       inserted word; straight quotation marks and apostrophes turned typographic and back;
 *   <li>{@link Edit#REORDERED}: the sentences shuffled (never left in order), each sentence
 *       recorded as its own passage;
 *   <li>{@link Edit#PARAPHRASED}: each word with probability {@code paraphraseRate} (at least one
 *       per sentence) changed: substituted (70%), dropped (15%) or followed by an inserted word
 *       (15%).
 * </ul>
 *
 * <p>The edit of each copy cycles through the four kinds in story order. Articles are a few
 * paragraphs of sentences drawn without replacement from a {@link SentencePool}, so the only
 * shared text is what was planted. The same settings and pool give the same corpus.
 */
public final class SyntheticCorpus {

  /** How a copied passage was edited. */
  public enum Edit {
    VERBATIM,
    LIGHT,
    REORDERED,
    PARAPHRASED;

    /** Lower case name, for reports. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Generator settings.
   *
   * @param stories wire stories, 1 to 10000
   * @param outlets outlets, 2 to 100 (each with its own footer)
   * @param maxCopies most copies of one story, 1 to outlets - 1
   * @param unrelated articles sharing nothing but their outlet's footer, 0 to 100000
   * @param lightRate per-word edit probability of light edits, 0 to 1
   * @param paraphraseRate per-word edit probability of paraphrases, 0 to 1
   * @param seed the random seed
   */
  public record Settings(
      int stories,
      int outlets,
      int maxCopies,
      int unrelated,
      double lightRate,
      double paraphraseRate,
      long seed) {
    public Settings {
      range("stories", stories, 1, 10_000);
      range("outlets", outlets, 2, 100);
      range("maxCopies", maxCopies, 1, outlets - 1);
      range("unrelated", unrelated, 0, 100_000);
      rate("lightRate", lightRate);
      rate("paraphraseRate", paraphraseRate);
    }

    /**
     * {@code stories} stories over 6 outlets, up to 3 copies each, one unrelated article per
     * four stories, light edits at 8% of words, paraphrases at 25%.
     */
    public static Settings of(int stories, long seed) {
      return new Settings(stories, 6, 3, stories / 4, 0.08, 0.25, seed);
    }

    /** Sentences a corpus with these settings needs at most. */
    public int sentencesNeeded() {
      return stories * (SOURCE_SENTENCES_MAX + maxCopies * FRESH_SENTENCES_MAX)
          + unrelated * FRESH_SENTENCES_MAX;
    }

    private static void range(String name, int v, int min, int max) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + v);
      }
    }

    private static void rate(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be 0 to 1, was " + v);
      }
    }
  }

  /**
   * A planted passage: the span of the source article copied and the span of the copy.
   *
   * @param source the source article's id
   * @param copy the copying article's id
   * @param sourceText exactly {@code source text.substring(sourceStart, sourceEnd)}
   * @param copyText exactly {@code copy text.substring(copyStart, copyEnd)}
   */
  public record Planted(
      Edit edit,
      String source,
      int sourceStart,
      int sourceEnd,
      String copy,
      int copyStart,
      int copyEnd,
      String sourceText,
      String copyText) {
    public Planted {
      Objects.requireNonNull(edit, "edit");
      if (sourceEnd - sourceStart != sourceText.length() || copyEnd - copyStart != copyText.length()) {
        throw new IllegalArgumentException("span lengths do not match the planted texts");
      }
    }
  }

  /** An outlet's footer in one article, at {@code start..end} of its text. */
  public record Footer(String article, String outlet, int start, int end) {}

  /**
   * A generated corpus.
   *
   * @param articles sorted by id
   * @param planted the planted passages, in generation order
   * @param footers every article's footer
   * @param sentenceSource the pool's name
   */
  public record Generated(
      Settings settings,
      List<Article> articles,
      List<Planted> planted,
      List<Footer> footers,
      String sentenceSource) {
    public Generated {
      articles = List.copyOf(articles);
      planted = List.copyOf(planted);
      footers = List.copyOf(footers);
    }

    /** The article with this id. */
    public Article article(String id) {
      return articles.stream()
          .filter(a -> a.id().equals(id))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no article " + id));
    }
  }

  static final int SOURCE_SENTENCES_MIN = 8;
  static final int SOURCE_SENTENCES_MAX = 14;
  static final int FRESH_SENTENCES_MIN = 4;
  static final int FRESH_SENTENCES_MAX = 9;

  private static final String[] OUTLET_NAMES = {
    "Northern Ledger", "Harbour Times", "Valley Courier", "Capital Wire", "Lakeside Post",
    "Evening Standard Review", "Coastal Gazette", "Metro Daily", "Prairie Herald", "Union Observer"
  };

  private static final String[] FOOTERS = {
    "\u00A9 %d %s. All rights reserved. This material may not be published, broadcast, rewritten"
        + " or redistributed without prior written permission.",
    "Sign up for the %2$s morning briefing to get the day's top stories delivered to your inbox"
        + " before breakfast. Copyright %1$d.",
    "Follow %2$s on social media for breaking news, live coverage and analysis from our reporters"
        + " around the world (%1$d).",
    "Reporting by %2$s staff; editing by the %2$s news desk. Send corrections and story tips to"
        + " our newsroom, %1$d.",
    "Related coverage: read more stories from %2$s about politics, business, markets and the"
        + " world economy. Edition %d.",
  };

  private static final Map<String, String> SYNONYMS = synonyms();

  /** How many footer templates outlets' footers are made from (outlets beyond share them). */
  public static int footerTemplates() {
    return FOOTERS.length;
  }

  private static final String[] INSERTS = {
    "also", "now", "still", "reportedly", "further", "already", "again", "currently", "recently",
    "officially"
  };

  private SyntheticCorpus() {}

  /** Generates a corpus with {@code settings} from the sentences of {@code pool}. */
  public static Generated generate(Settings settings, SentencePool pool) {
    Random random = new Random(settings.seed());
    List<String> sentences = new ArrayList<>(pool.sentences());
    Collections.shuffle(sentences, random);
    Deal deal = new Deal(sentences);
    List<String> outlets = new ArrayList<>();
    List<String> footers = new ArrayList<>();
    for (int o = 0; o < settings.outlets(); o++) {
      String name =
          OUTLET_NAMES[o % OUTLET_NAMES.length]
              + (o >= OUTLET_NAMES.length ? " " + (o / OUTLET_NAMES.length + 1) : "");
      outlets.add(name);
      footers.add(String.format(Locale.ROOT, FOOTERS[o % FOOTERS.length], 2020 + o, name));
    }
    List<Article> articles = new ArrayList<>();
    List<Planted> planted = new ArrayList<>();
    List<Footer> footerSpans = new ArrayList<>();
    int copyNumber = 0;
    for (int s = 0; s < settings.stories(); s++) {
      int sourceOutlet = random.nextInt(settings.outlets());
      int n = between(random, SOURCE_SENTENCES_MIN, SOURCE_SENTENCES_MAX);
      List<String> source = deal.take(n);
      String sourceId = String.format(Locale.ROOT, "story%04d-source", s);
      Builder sourceText = new Builder();
      List<int[]> sourceSpans = new ArrayList<>();
      for (String sentence : source) {
        sourceSpans.add(sourceText.sentence(sentence, random));
      }
      footerSpans.add(sourceText.footer(sourceId, outlets.get(sourceOutlet), footers.get(sourceOutlet)));
      articles.add(Article.of(sourceId, sourceText.text()));

      List<Integer> otherOutlets = new ArrayList<>();
      for (int o = 0; o < settings.outlets(); o++) {
        if (o != sourceOutlet) {
          otherOutlets.add(o);
        }
      }
      Collections.shuffle(otherOutlets, random);
      int copies = between(random, 1, settings.maxCopies());
      List<Integer> free = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        free.add(i);
      }
      for (int c = 0; c < copies; c++) {
        int length = between(random, 2, 4);
        int from = freeRun(free, length, random);
        if (from < 0) {
          break;
        }
        for (int i = from; i < from + length; i++) {
          free.remove(Integer.valueOf(i));
        }
        Edit edit = Edit.values()[copyNumber % Edit.values().length];
        copyNumber++;
        int outlet = otherOutlets.get(c);
        String copyId = String.format(Locale.ROOT, "story%04d-copy%d", s, c + 1);
        List<String> fresh = deal.take(between(random, FRESH_SENTENCES_MIN, FRESH_SENTENCES_MAX));
        int at = random.nextInt(fresh.size() + 1);
        Builder copy = new Builder();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < length; i++) {
          order.add(i);
        }
        if (edit == Edit.REORDERED) {
          List<Integer> identity = new ArrayList<>(order);
          while (order.equals(identity)) {
            Collections.shuffle(order, random);
          }
        }
        int[][] copySpans = new int[length][];
        for (int i = 0; i <= fresh.size(); i++) {
          if (i == at) {
            for (int k : order) {
              String original = source.get(from + k);
              String edited =
                  switch (edit) {
                    case VERBATIM, REORDERED -> original;
                    case LIGHT -> lightEdit(original, settings.lightRate(), random);
                    case PARAPHRASED -> paraphrase(original, settings.paraphraseRate(), random);
                  };
              copySpans[k] = copy.sentence(edited, random);
            }
          }
          if (i < fresh.size()) {
            copy.sentence(fresh.get(i), random);
          }
        }
        footerSpans.add(copy.footer(copyId, outlets.get(outlet), footers.get(outlet)));
        articles.add(Article.of(copyId, copy.text()));
        String st = sourceText.text();
        String ct = copy.text();
        if (edit == Edit.REORDERED) {
          for (int k = 0; k < length; k++) {
            int[] a = sourceSpans.get(from + k);
            int[] b = copySpans[k];
            planted.add(
                new Planted(edit, sourceId, a[0], a[1], copyId, b[0], b[1],
                    st.substring(a[0], a[1]), ct.substring(b[0], b[1])));
          }
        } else {
          int[] a = {sourceSpans.get(from)[0], sourceSpans.get(from + length - 1)[1]};
          int[] b = {copySpans[0][0], copySpans[length - 1][1]};
          planted.add(
              new Planted(edit, sourceId, a[0], a[1], copyId, b[0], b[1],
                  st.substring(a[0], a[1]), ct.substring(b[0], b[1])));
        }
      }
    }
    for (int u = 0; u < settings.unrelated(); u++) {
      int outlet = random.nextInt(settings.outlets());
      String id = String.format(Locale.ROOT, "unrelated%04d", u);
      Builder b = new Builder();
      for (String sentence : deal.take(between(random, FRESH_SENTENCES_MIN, FRESH_SENTENCES_MAX))) {
        b.sentence(sentence, random);
      }
      footerSpans.add(b.footer(id, outlets.get(outlet), footers.get(outlet)));
      articles.add(Article.of(id, b.text()));
    }
    articles.sort(Comparator.comparing(Article::id));
    return new Generated(settings, articles, planted, footerSpans, pool.name());
  }

  /** Deals sentences without replacement. */
  private static final class Deal {
    private final List<String> sentences;
    private int next;

    Deal(List<String> sentences) {
      this.sentences = sentences;
    }

    List<String> take(int n) {
      if (next + n > sentences.size()) {
        throw new IllegalStateException(
            "the sentence pool ran out (" + sentences.size() + " sentences); generate fewer stories");
      }
      List<String> out = new ArrayList<>(sentences.subList(next, next + n));
      next += n;
      return out;
    }
  }

  /** Builds an article's text: sentences in paragraphs of one to three, then the footer. */
  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int inParagraph;
    private int paragraphSize = 1;

    int[] sentence(String s, Random random) {
      if (text.length() > 0) {
        if (inParagraph >= paragraphSize) {
          text.append("\n\n");
          inParagraph = 0;
          paragraphSize = 1 + random.nextInt(3);
        } else {
          text.append(' ');
        }
      } else {
        paragraphSize = 1 + random.nextInt(3);
      }
      int start = text.length();
      text.append(s);
      inParagraph++;
      return new int[] {start, text.length()};
    }

    Footer footer(String article, String outlet, String footer) {
      text.append("\n\n");
      int start = text.length();
      text.append(footer);
      return new Footer(article, outlet, start, text.length());
    }

    String text() {
      return text.toString();
    }
  }

  /** Light edits: a few words dropped, swapped for synonyms or added; quotation marks changed. */
  static String lightEdit(String sentence, double rate, Random random) {
    String edited = editWords(sentence, rate, 1.0 / 3, 1.0 / 3, random);
    return swapQuotes(edited);
  }

  /** Heavy edits: many words substituted, some dropped or added. */
  static String paraphrase(String sentence, double rate, Random random) {
    return editWords(sentence, rate, 0.70, 0.15, random);
  }

  /**
   * Edits each word but the first with probability {@code rate} (at least one word when the rate
   * is above 0): substituted (share {@code substitute}), dropped (share {@code drop}) or followed
   * by an inserted word (the rest).
   */
  private static String editWords(
      String sentence, double rate, double substitute, double drop, Random random) {
    String[] words = sentence.split(" ");
    boolean[] edit = new boolean[words.length];
    boolean any = false;
    for (int i = 1; i < words.length; i++) {
      edit[i] = random.nextDouble() < rate;
      any |= edit[i];
    }
    if (!any && words.length > 1 && rate > 0) {
      edit[1 + random.nextInt(words.length - 1)] = true;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      boolean last = i == words.length - 1;
      if (edit[i]) {
        double kind = random.nextDouble();
        if (kind < substitute) {
          w = substitute(w, random);
        } else if (kind < substitute + drop && !last) {
          continue;
        } else if (!last) {
          w = w + " " + INSERTS[random.nextInt(INSERTS.length)];
        } else {
          w = substitute(w, random);
        }
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w);
    }
    return out.toString();
  }

  /** The word's synonym, keeping punctuation around it, or a different filler word. */
  private static String substitute(String token, Random random) {
    int a = 0;
    int b = token.length();
    while (a < b && !Character.isLetterOrDigit(token.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(token.charAt(b - 1))) {
      b--;
    }
    String core = token.substring(a, b);
    String lower = core.toLowerCase(Locale.ROOT);
    String replacement = SYNONYMS.get(lower);
    if (replacement == null) {
      int k = random.nextInt(REPLACEMENTS.length);
      replacement = REPLACEMENTS[k];
      if (replacement.equals(lower)) {
        replacement = REPLACEMENTS[(k + 1) % REPLACEMENTS.length];
      }
    }
    if (!core.isEmpty() && Character.isUpperCase(core.charAt(0))) {
      replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
    }
    return token.substring(0, a) + replacement + token.substring(b);
  }

  private static final String[] REPLACEMENTS = {
    "various", "several", "major", "key", "recent", "local", "national", "senior", "overall",
    "new", "certain", "main", "broader", "significant", "particular", "latest"
  };

  /** Straight double quotes and apostrophes become typographic ones, and typographic straight. */
  static String swapQuotes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean open = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> {
          out.append(open ? '\u201C' : '\u201D');
          open = !open;
        }
        case '\u201C', '\u201D' -> out.append('"');
        case '\'' -> out.append('\u2019');
        case '\u2019' -> out.append('\'');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** The start of a random run of {@code length} consecutive free sentence indexes, or -1. */
  private static int freeRun(List<Integer> free, int length, Random random) {
    List<Integer> starts = new ArrayList<>();
    for (int f : free) {
      boolean ok = true;
      for (int i = f; i < f + length; i++) {
        if (!free.contains(i)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        starts.add(f);
      }
    }
    return starts.isEmpty() ? -1 : starts.get(random.nextInt(starts.size()));
  }

  private static Map<String, String> synonyms() {
    String[][] pairs = {
      {"said", "stated"}, {"says", "states"}, {"company", "firm"}, {"companies", "firms"},
      {"increase", "rise"}, {"increased", "rose"}, {"rose", "climbed"}, {"fell", "dropped"},
      {"decline", "drop"}, {"declined", "slipped"}, {"expected", "forecast"},
      {"expects", "anticipates"}, {"government", "administration"}, {"officials", "authorities"},
      {"official", "spokesman"}, {"agreement", "deal"}, {"agreed", "consented"},
      {"announced", "disclosed"}, {"reported", "posted"}, {"sales", "revenues"},
      {"profit", "earnings"}, {"profits", "earnings"}, {"shares", "stock"}, {"share", "stake"},
      {"mln", "million"}, {"billion", "bln"}, {"dlrs", "dollars"}, {"pct", "percent"},
      {"year", "period"}, {"quarter", "period"}, {"buy", "acquire"}, {"bought", "acquired"},
      {"sell", "divest"}, {"sold", "divested"}, {"plan", "proposal"}, {"plans", "intends"},
      {"market", "exchange"}, {"markets", "exchanges"}, {"prices", "rates"}, {"price", "rate"},
      {"talks", "negotiations"}, {"meeting", "session"}, {"minister", "secretary"},
      {"president", "chairman"}, {"chief", "head"}, {"country", "nation"},
      {"countries", "nations"}, {"told", "informed"}, {"added", "noted"}, {"about", "around"},
      {"big", "large"}, {"major", "large"}, {"new", "fresh"}, {"began", "started"},
      {"help", "assist"}, {"need", "require"}, {"high", "elevated"}, {"low", "weak"},
      {"also", "additionally"}, {"however", "but"}, {"because", "since"}, {"more", "further"},
      {"production", "output"}, {"trade", "commerce"}, {"bank", "lender"}, {"banks", "lenders"},
      {"debt", "borrowing"}, {"loan", "credit"}, {"rate", "level"}, {"week", "session"},
      {"last", "previous"}, {"next", "coming"}, {"would", "could"}, {"will", "would"},
      {"spokesman", "spokesperson"}, {"statement", "release"}, {"between", "among"},
    };
    Map<String, String> m = new HashMap<>();
    for (String[] p : pairs) {
      m.putIfAbsent(p[0], p[1]);
    }
    return Map.copyOf(m);
  }
}
