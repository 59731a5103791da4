package dev.refrain.bench.eval;

import dev.refrain.bench.corpus.Rng;
import dev.refrain.document.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds a seeded corpus of news articles quoting known speakers, with the ground truth of every
 * quotation: which article renders which quote where, who said it, and how the article
 * attributes it.
 *
 * <p>Each story has two or three quotes, each spoken by one of the corpus's people (a first name
 * and surname with a title: "Foreign Minister Kalo Ventris") or organisations ("the Harbour
 * Department"); it runs in two to five articles, and each article of the story renders each
 * quote with probability 0.85 (every quote in at least two articles). A rendering is the quote
 * {@link Edit#VERBATIM verbatim}, {@link Edit#TRIMMED trimmed} (a contiguous 60-85% of its
 * words) or {@link Edit#REWORDED reworded} (each word with probability 0.15 substituted, dropped,
 * followed by an inserted word, or respelled), attributed in one of the ways news copy does
 * ({@link Pattern}); a person's first name is respelled in a fifth of the articles ("Antony" /
 * "Anthony"). Around the quotes, filler sentences drawn without replacement from a {@link
 * SentencePool}, so the only text articles share is the quotes. Same settings and pool, same
 * corpus.
 */
public final class QuoteCorpus {

  /** How a rendering changes the quote. */
  public enum Edit {
    VERBATIM,
    TRIMMED,
    REWORDED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How an article attributes a rendering. */
  public enum Pattern {
    /** “…,” said Foreign Minister Kalo Ventris. */
    SAID_FULL,
    /** Kalo Ventris spoke on Monday. “…,” Ventris said. (sometimes with no first mention) */
    SURNAME,
    /** Kalo Ventris told reporters that “…” */
    TOLD_THAT,
    /** Foreign Minister Kalo Ventris spoke on Monday. “…,” he said. */
    PRONOUN,
    /** Ventris said that … (reported speech, no marks) */
    REPORTED,
    /** “…,” a senior official said. */
    UNNAMED,
    /** The banner read “…” */
    NONE,
    /** “…,” said (someone else). */
    OTHER,
    /** “…,” the Harbour Department said. */
    ORGANISATION_SAID,
    /** …, according to the Harbour Department. (reported) */
    ACCORDING_TO;

    /** The attribution the rendering's article writes: {@code speaker}, {@code unnamed}, ... */
    public String attribution() {
      return switch (this) {
        case UNNAMED -> "unnamed";
        case NONE -> "none";
        case OTHER -> "other";
        default -> "speaker";
      };
    }
  }

  /**
   * Generator settings.
   *
   * @param stories stories, 1 to 100000
   * @param people speakers who are people, 2 to 10000
   * @param organisations speakers that are organisations, 1 to 1000
   * @param seed the seed
   */
  public record Settings(int stories, int people, int organisations, long seed) {
    public Settings {
      if (stories < 1 || stories > 100_000) {
        throw new IllegalArgumentException("stories must be 1 to 100000, was " + stories);
      }
      if (people < 2 || people > 10_000) {
        throw new IllegalArgumentException("people must be 2 to 10000, was " + people);
      }
      if (organisations < 1 || organisations > 1000) {
        throw new IllegalArgumentException("organisations must be 1 to 1000, was " + organisations);
      }
    }

    /** Filler and quote sentences the corpus needs at most. */
    public int sentencesNeeded() {
      return stories * (3 * 2 + 5 * 6);
    }
  }

  /**
   * One rendering of a quote, as planted.
   *
   * @param quote the quote's number
   * @param article the article id
   * @param start 0-based, end-exclusive offsets of the rendered words in the article's text
   * @param end see {@code start}
   * @param speaker the true speaker's name ("Kalo Ventris", "Harbour Department")
   * @param edit how the wording was changed
   * @param pattern how the article attributes it
   */
  public record Planted(
      int quote, String article, int start, int end, String speaker, Edit edit, Pattern pattern) {}

  /** The corpus with its truth. */
  public record Generated(
      Settings settings, String sentenceSource, List<Article> articles, List<Planted> planted,
      int quotes) {}

  private static final String[] TITLES = {
    "Foreign Minister", "Trade Secretary", "Assistant Secretary of State", "Defence Minister",
    "central bank governor", "opposition leader", "Finance Minister", "Energy Minister",
    "chief negotiator", "Prime Minister", "Health Minister", "senior adviser"
  };
  private static final String[] ORGANISATION_KINDS = {"Department", "Ministry", "Agency", "Bank", "Commission"};
  private static final String[] ONSETS = {"b", "br", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "j", "h"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ei", "ou"};
  private static final String[] CODAS = {"", "", "n", "r", "s", "l", "m", "nd", "rt"};

  private QuoteCorpus() {}

  private record Person(String first, String variant, String surname, String title, boolean organisation) {
    String name() {
      return organisation ? surname : first + " " + surname;
    }
  }

  /** Generates a corpus. */
  public static Generated generate(Settings s, SentencePool pool) {
    Objects.requireNonNull(pool, "pool");
    Rng rng = Rng.of(s.seed(), 1);
    List<Person> speakers = new ArrayList<>();
    java.util.Set<String> surnames = new java.util.HashSet<>();
    while (speakers.size() < s.people()) {
      String first = cap(word(rng, 2));
      String surname = cap(word(rng, 2 + rng.nextInt(2)));
      if (first.length() < 4 || surname.length() < 5 || !surnames.add(surname)) {
        continue;
      }
      String variant = first.substring(0, 2) + "h" + first.substring(2);
      speakers.add(new Person(first, variant, surname, TITLES[rng.nextInt(TITLES.length)], false));
    }
    for (int o = 0; o < s.organisations(); o++) {
      String name = cap(word(rng, 3)) + " " + ORGANISATION_KINDS[rng.nextInt(ORGANISATION_KINDS.length)];
      speakers.add(new Person("", "", name, "", true));
    }
    List<String> sentences = pool.sentences();
    int[] next = {0};
    java.util.function.Supplier<String> sentence =
        () -> clean(sentences.get(next[0]++ % sentences.size()));
    List<Article> articles = new ArrayList<>();
    List<Planted> planted = new ArrayList<>();
    int quoteCount = 0;
    for (int story = 0; story < s.stories(); story++) {
      int quotes = rng.between(2, 3);
      int copies = rng.between(2, 5);
      String[] texts = new String[quotes];
      Person[] by = new Person[quotes];
      for (int q = 0; q < quotes; q++) {
        String text = sentence.get();
        if (rng.chance(0.3)) {
          text = text + ". " + sentence.get();
        }
        texts[q] = text;
        by[q] = speakers.get(rng.nextInt(speakers.size()));
      }
      boolean[][] renders = new boolean[copies][quotes];
      for (int q = 0; q < quotes; q++) {
        int count = 0;
        for (int c = 0; c < copies; c++) {
          renders[c][q] = rng.chance(0.85);
          count += renders[c][q] ? 1 : 0;
        }
        for (int c = 0; count < 2; c++) {
          if (!renders[c][q]) {
            renders[c][q] = true;
            count++;
          }
        }
      }
      for (int c = 0; c < copies; c++) {
        String id = String.format(Locale.ROOT, "s%05d-%d", story, c);
        StringBuilder b = new StringBuilder();
        b.append(sentence.get()).append(".\n\n");
        boolean variantNames = rng.chance(0.2);
        for (int q = 0; q < quotes; q++) {
          b.append(sentence.get()).append(". ").append(sentence.get()).append(".\n\n");
          if (!renders[c][q]) {
            continue;
          }
          Edit edit = Edit.values()[rng.nextInt(3)];
          String words = edit(texts[q], edit, rng, sentence);
          Person p = by[q];
          Pattern pattern = pattern(p, rng);
          Person other = speakers.get(rng.nextInt(speakers.size()));
          while (other == p || other.organisation()) {
            other = speakers.get(rng.nextInt(speakers.size()));
          }
          int[] span = attribute(b, p, other, words, pattern, variantNames, rng);
          b.append("\n\n");
          planted.add(new Planted(quoteCount + q, id, span[0], span[1], p.name(), edit, pattern));
        }
        b.append(sentence.get()).append(".\n");
        articles.add(Article.of(id, b.toString()));
      }
      quoteCount += quotes;
    }
    return new Generated(s, pool.name(), articles, planted, quoteCount);
  }

  private static Pattern pattern(Person p, Rng rng) {
    if (p.organisation()) {
      double x = rng.nextDouble();
      return x < 0.55 ? Pattern.ORGANISATION_SAID : x < 0.9 ? Pattern.ACCORDING_TO : Pattern.NONE;
    }
    double x = rng.nextDouble();
    if (x < 0.22) {
      return Pattern.SAID_FULL;
    } else if (x < 0.42) {
      return Pattern.SURNAME;
    } else if (x < 0.56) {
      return Pattern.TOLD_THAT;
    } else if (x < 0.71) {
      return Pattern.PRONOUN;
    } else if (x < 0.83) {
      return Pattern.REPORTED;
    } else if (x < 0.9) {
      return Pattern.UNNAMED;
    } else if (x < 0.95) {
      return Pattern.NONE;
    }
    return Pattern.OTHER;
  }

  /** Appends the attributed quote; returns the rendered words' span. */
  private static int[] attribute(
      StringBuilder b, Person p, Person other, String words, Pattern pattern, boolean variantNames,
      Rng rng) {
    String first = variantNames ? p.variant() : p.first();
    String full = p.organisation() ? p.surname() : first + " " + p.surname();
    int start;
    switch (pattern) {
      case SAID_FULL -> {
        b.append("“");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” said ").append(p.title()).append(' ').append(full).append('.');
        return new int[] {start, end};
      }
      case SURNAME -> {
        if (rng.chance(0.8)) {
          b.append(cap(p.title())).append(' ').append(full).append(" spoke on Monday. ");
        }
        b.append("“");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” ").append(p.surname()).append(" said.");
        return new int[] {start, end};
      }
      case TOLD_THAT -> {
        b.append(full).append(" told reporters that “");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(".”");
        return new int[] {start, end};
      }
      case PRONOUN -> {
        b.append(cap(p.title())).append(' ').append(full).append(" spoke on Monday. “");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” he said.");
        return new int[] {start, end};
      }
      case REPORTED -> {
        b.append(p.surname()).append(" said that ");
        start = b.length();
        b.append(Character.toLowerCase(words.charAt(0))).append(words.substring(1));
        int end = b.length();
        b.append('.');
        return new int[] {start, end};
      }
      case UNNAMED -> {
        b.append("“");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” a senior official said.");
        return new int[] {start, end};
      }
      case NONE -> {
        b.append("The banner outside read “");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append("” all week.");
        return new int[] {start, end};
      }
      case OTHER -> {
        b.append("“");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” said ").append(other.title()).append(' ').append(other.name()).append('.');
        return new int[] {start, end};
      }
      case ORGANISATION_SAID -> {
        b.append("“");
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(",” the ").append(p.surname()).append(" said in a statement.");
        return new int[] {start, end};
      }
      case ACCORDING_TO -> {
        start = b.length();
        b.append(words);
        int end = b.length();
        b.append(", according to the ").append(p.surname()).append('.');
        return new int[] {start, end};
      }
      default -> throw new IllegalStateException(pattern.name());
    }
  }

  /** The quote's words as one rendering changes them. */
  static String edit(String text, Edit edit, Rng rng, java.util.function.Supplier<String> sentence) {
    String[] words = text.split(" ");
    if (edit == Edit.VERBATIM || words.length < 6) {
      return text;
    }
    if (edit == Edit.TRIMMED) {
      int keep = Math.max(5, (int) Math.round(words.length * (0.6 + 0.25 * rng.nextDouble())));
      int from = rng.nextInt(words.length - keep + 1);
      String t = String.join(" ", java.util.Arrays.copyOfRange(words, from, from + keep));
      return stripEnd(t);
    }
    String[] spare = sentence.get().split(" ");
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (!rng.chance(0.15)) {
        out.add(w);
        continue;
      }
      double x = rng.nextDouble();
      if (x < 0.35) {
        out.add(Lower.of(spare[rng.nextInt(spare.length)]));
      } else if (x < 0.55) {
        continue; // dropped
      } else if (x < 0.8) {
        out.add(w);
        out.add(Lower.of(spare[rng.nextInt(spare.length)]));
      } else {
        out.add(respell(w));
      }
    }
    if (out.isEmpty()) {
      return text;
    }
    String t = String.join(" ", out);
    return Character.toUpperCase(t.charAt(0)) + t.substring(1);
  }

  /** Lower-cases a word unless it looks like a name. */
  private static final class Lower {
    static String of(String w) {
      return w.length() > 1 && Character.isUpperCase(w.charAt(1)) ? w : w.toLowerCase(Locale.ROOT);
    }
  }

  /** A spelling variant: a doubled inner consonant ("traveled" / "travelled"), or s for z. */
  static String respell(String w) {
    if (w.length() < 6) {
      return w;
    }
    int z = w.indexOf('z');
    if (z > 0) {
      return w.substring(0, z) + "s" + w.substring(z + 1);
    }
    int mid = w.length() / 2;
    return w.substring(0, mid) + w.charAt(mid) + w.substring(mid);
  }

  /** A pool sentence without quotation marks, final stop or leading and trailing space. */
  private static String clean(String s) {
    String t = s.replaceAll("[\"“”‘’«»„]", "").replace('\n', ' ').replaceAll("\\s+", " ").strip();
    return stripEnd(t);
  }

  private static String stripEnd(String t) {
    while (!t.isEmpty() && !Character.isLetterOrDigit(t.charAt(t.length() - 1))) {
      t = t.substring(0, t.length() - 1);
    }
    return t.isEmpty() ? "Nothing" : t;
  }

  private static String word(Rng rng, int syllables) {
    StringBuilder w = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      w.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)])
          .append(CODAS[rng.nextInt(CODAS.length)]);
    }
    return w.toString();
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
