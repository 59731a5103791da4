package dev.refrain.diff;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The kinds of change a variant carries ({@link VariantKind}), read from its word diff and the two
 * texts: the rule of each kind lives here, once, for passages, cluster occurrences and quote
 * renderings alike.
 *
 * <p>Shape, from the diff's edits (a to b): none changed is {@code verbatim}; only words dropped at
 * the start or end of the passage is {@code trimmed}, only words added there {@code extended};
 * every changed word a spelling variant of its counterpart is {@code spelling}; anything else is
 * {@code reworded}. Besides the shape, from the words changed inside the passage (words one side
 * has beyond the other's start or end are cut or added, not changed): {@code numbers-changed} when
 * the figures among the changed words differ (a word with a digit, counted with its thousands separators dropped: {@code 1,000}
 * is {@code 1000}; a number word such as {@code twelve} or {@code million}; a month or weekday),
 * and {@code names-changed} when a name among the changed words of one side has no counterpart
 * anywhere in the other side's passage. A name is a capitalised word that does not start a
 * sentence or a quotation (not a month, a weekday or {@code I}); its counterpart is the same word
 * (a possessive {@code ’s} dropped), a spelling variant of it, an acronym of a run of names it
 * belongs to ({@code US} for {@code United States}), or its country or demonym ({@link
 * #sameCountry}: {@code American} / {@code US}, {@code Chinese} / {@code China}).
 *
 * <p>Spelling variants: the words of a replacement read the same once hyphens, apostrophes and
 * accents are dropped ({@code highest-ranking} / {@code highest ranking}), or pair one to one with
 * a Levenshtein distance of 1 (2 for words of 7 letters or more) and a Jaro-Winkler similarity of
 * at least 0.9, both at least 5 letters long ({@code Defence} / {@code Defense}, {@code Antony} /
 * {@code Anthony}); a capitalised word (a name, transliterated: {@code Kyiv} / {@code Kiev},
 * {@code Mohammed} / {@code Muhammad}) needs instead a Jaro-Winkler similarity of at least 0.85,
 * 4 letters, a Levenshtein distance of at most 2 and lengths at most 1 apart ({@code Austria} /
 * {@code Australia} are two names). Never a figure, and never words
 * that differ only by a plural ending ({@code program} / {@code programs}): that is a change of
 * wording.
 */
public final class VariantKinds implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A word: letters and digits, joined by an apostrophe, hyphen, full stop or comma inside it. */
  static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.,][\\p{L}\\p{N}]+)*");

  /** A possessive {@code ’s} ending a word. */
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

  private static final Set<String> NUMBER_WORDS =
      Set.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
          "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
          "millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "twice",
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday");

  /** Capitalised words that name a date, not a person, place or organisation. */
  private static final Set<String> CALENDAR =
      Set.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday");

  private static final double SPELLING_JARO_WINKLER = 0.9;
  private static final double NAME_JARO_WINKLER = 0.85;

  /**
   * The kinds of change of a passage whose word diff from a to b is {@code diff} (covering both
   * sides completely, with character ranges into {@code aText} and {@code bText}).
   */
  public Set<VariantKind> classify(List<Edit> diff, String aText, String bText) {
    EnumSet<VariantKind> kinds = EnumSet.noneOf(VariantKind.class);
    if (diff.stream().allMatch(e -> e.kind() == Edit.Kind.EQUAL)) {
      kinds.add(VariantKind.VERBATIM);
      return kinds;
    }
    boolean atEdges = true;
    boolean onlyDeletes = true;
    boolean onlyInserts = true;
    boolean spelling = true;
    List<Word> changedA = new ArrayList<>();
    List<Word> changedB = new ArrayList<>();
    for (int at = 0; at < diff.size(); at++) {
      Edit e = diff.get(at);
      if (e.kind() == Edit.Kind.EQUAL) {
        continue;
      }
      boolean edge = at == 0 || at == diff.size() - 1;
      atEdges &= edge;
      onlyDeletes &= e.kind() == Edit.Kind.DELETE;
      onlyInserts &= e.kind() == Edit.Kind.INSERT;
      List<Word> wa = words(aText, e.aStart(), e.aEnd());
      List<Word> wb = words(bText, e.bStart(), e.bEnd());
      spelling &= e.kind() == Edit.Kind.REPLACE && spellingVariants(wa, wb);
      if (edge && e.kind() != Edit.Kind.REPLACE) {
        continue; // text one side has beyond the shared part: cut or added, not changed
      }
      changedA.addAll(wa);
      changedB.addAll(wb);
    }
    if (onlyDeletes && atEdges) {
      kinds.add(VariantKind.TRIMMED);
    } else if (onlyInserts && atEdges) {
      kinds.add(VariantKind.EXTENDED);
    } else if (spelling) {
      kinds.add(VariantKind.SPELLING);
    } else {
      kinds.add(VariantKind.REWORDED);
    }
    if (!numbers(changedA).equals(numbers(changedB))) {
      kinds.add(VariantKind.NUMBERS_CHANGED);
    }
    // the passages' words are read only when a changed word is a name (none: no name changed)
    if (!spelling && (anyName(changedA) || anyName(changedB))) {
      Edit first = diff.get(0);
      Edit last = diff.get(diff.size() - 1);
      List<Word> passageA = words(aText, first.aStart(), last.aEnd());
      List<Word> passageB = words(bText, first.bStart(), last.bEnd());
      if (unmatchedName(changedA, passageA, passageB) || unmatchedName(changedB, passageB, passageA)) {
        kinds.add(VariantKind.NAMES_CHANGED);
      }
    }
    return kinds;
  }

  /**
   * The kinds of change of a quote rendering whose word diff from its family's canonical
   * rendering is {@code diff} ({@link #classify}; empty for the canonical one, which is {@code
   * verbatim}), and {@link VariantKind#ATTRIBUTION_CHANGED} when {@code otherSpeaker}: its
   * article names someone else than the family's speaker. A rendering that names no one, or
   * describes the speaker without a name, has not changed the attribution.
   */
  public Set<VariantKind> classifyRendering(
      List<Edit> diff, String canonicalText, String text, boolean otherSpeaker) {
    Set<VariantKind> kinds = classify(diff, canonicalText, text);
    if (otherSpeaker) {
      kinds.add(VariantKind.ATTRIBUTION_CHANGED);
    }
    return kinds;
  }

  /** The labels of a set of kinds, in their order. */
  public static List<String> labels(Set<VariantKind> kinds) {
    List<String> out = new ArrayList<>(kinds.size());
    for (VariantKind k : kinds) {
      out.add(k.label());
    }
    return out;
  }

  /**
   * One word of a text: its characters, whether it is a name (capitalised, not starting a
   * sentence or quotation), and its offset in its text.
   */
  record Word(String text, boolean name, int start) {
    String folded() {
      return fold(text);
    }
  }

  /** The words of {@code text[from, to)}, each judged a name or not by what precedes it. */
  static List<Word> words(String text, int from, int to) {
    List<Word> out = new ArrayList<>();
    if (from < 0 || to <= from) {
      return out;
    }
    // WORD.matcher(text).region(from, to) and find() by hand, as the pattern matches: a greedy
    // run of letters and digits (read by code point, inside the region), then separator and run
    // again while a run follows.
    int i = from;
    while (i < to) {
      int end = wordRun(text, i, to);
      if (end == i) {
        i += Character.charCount(Character.codePointAt(text, i));
        continue;
      }
      while (end < to && SEPARATORS.indexOf(text.charAt(end)) >= 0) {
        int more = wordRun(text, end + 1, to);
        if (more == end + 1) {
          break;
        }
        end = more;
      }
      String w = text.substring(i, end);
      out.add(new Word(w, isName(text, i, w), i));
      i = end;
    }
    return out;
  }

  /** The characters joining the runs of one {@link #WORD}. */
  private static final String SEPARATORS = "'’-.,";

  /** Where the run of letters and digits ({@code [\p{L}\p{N}]+}) starting at {@code i} ends. */
  private static int wordRun(String text, int i, int to) {
    while (i < to) {
      char ch = text.charAt(i);
      if (ch < 128) {
        // ASCII: the letters and digits are exactly A-Z, a-z and 0-9
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
          i++;
          continue;
        }
        break;
      }
      int c = Character.codePointAt(text, i);
      int type = Character.getType(c);
      boolean letterOrNumber =
          Character.isLetter(c)
              || type == Character.DECIMAL_DIGIT_NUMBER
              || type == Character.LETTER_NUMBER
              || type == Character.OTHER_NUMBER;
      if (!letterOrNumber || i + Character.charCount(c) > to) {
        break;
      }
      i += Character.charCount(c);
    }
    return i;
  }

  private static boolean isName(String text, int start, String w) {
    int c = w.codePointAt(0);
    if (!Character.isUpperCase(c) || w.equals("I")
        || CALENDAR.contains(w.toLowerCase(Locale.ROOT))) {
      return false;
    }
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char before = text.charAt(i);
    return ".!?:;\"“”«»„‘'(\n".indexOf(before) < 0;
  }

  /** Lower case, accents, apostrophes, hyphens and a possessive {@code ’s} dropped. */
  static String fold(String w) {
    String s = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    s = POSSESSIVE.matcher(s).replaceAll("");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** The figures among words: digits without separators, number words, months and weekdays. */
  private static Map<String, Integer> numbers(List<Word> words) {
    Map<String, Integer> out = new HashMap<>();
    for (Word w : words) {
      String key = number(w.text());
      if (key != null) {
        out.merge(key, 1, Integer::sum);
      }
    }
    return out;
  }

  private static String number(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return w.replace(",", "").toLowerCase(Locale.ROOT);
      }
    }
    String lower = w.toLowerCase(Locale.ROOT);
    return NUMBER_WORDS.contains(lower) ? lower : null;
  }

  /** Whether the words of a replacement differ only in spelling. */
  static boolean spellingVariants(List<Word> a, List<Word> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    StringBuilder ja = new StringBuilder();
    StringBuilder jb = new StringBuilder();
    for (Word w : a) {
      ja.append(w.folded());
    }
    for (Word w : b) {
      jb.append(w.folded());
    }
    if (ja.toString().equals(jb.toString())) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!spellingVariant(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean spellingVariant(Word a, Word b) {
    if (number(a.text()) != null || number(b.text()) != null) {
      return false;
    }
    String x = a.folded();
    String y = b.folded();
    if (x.equals(y)) {
      return true;
    }
    if (x.equals(y + "s") || y.equals(x + "s") || x.equals(y + "es") || y.equals(x + "es")) {
      return false;
    }
    double jw = new JaroWinklerSimilarity().apply(x, y);
    int shorter = Math.min(x.length(), y.length());
    int distance = LevenshteinDistance.getDefaultInstance().apply(x, y);
    if (a.name() || b.name()) {
      // a name changes by few letters and keeps its length: Austria / Australia are two names
      return shorter >= 4 && jw >= NAME_JARO_WINKLER && distance <= 2
          && Math.abs(x.length() - y.length()) <= 1;
    }
    if (shorter < 5 || jw < SPELLING_JARO_WINKLER) {
      return false;
    }
    return distance <= (shorter >= 7 ? 2 : 1);
  }

  /**
   * Whether a name among {@code changed} (words of {@code own}) has no counterpart among the names
   * of {@code other}.
   */
  private static boolean anyName(List<Word> words) {
    for (Word w : words) {
      if (w.name()) {
        return true;
      }
    }
    return false;
  }

  private static boolean unmatchedName(List<Word> changed, List<Word> own, List<Word> other) {
    for (Word w : changed) {
      if (w.name() && !matched(w, own, other)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matched(Word w, List<Word> own, List<Word> other) {
    for (Word o : other) {
      if (o.name()
          && (o.folded().equals(w.folded()) || spellingVariant(w, o)
              || sameCountry(w.folded(), o.folded()))) {
        return true;
      }
    }
    // an acronym on one side for a run of names on the other: US / United States
    for (String run : runInitials(own, ownIndex(own, w))) {
      for (Word o : other) {
        if (o.name() && acronym(o).equals(run)) {
          return true;
        }
      }
    }
    String mine = acronym(w);
    if (mine.length() >= 2) {
      for (int i = 0; i < other.size(); i++) {
        if (runInitials(other, i).contains(mine)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Demonyms whose country news names by other words: {@code American} for {@code US}. */
  private static final Map<String, Set<String>> COUNTRY_NAMES =
      Map.of(
          "american", Set.of("us", "usa", "america", "washington"),
          "british", Set.of("uk", "britain"),
          "dutch", Set.of("netherlands", "holland"),
          "french", Set.of("france"),
          "swiss", Set.of("switzerland"));

  /**
   * Whether two names are one country and its demonym: a listed pair ({@code American} / {@code
   * US}), or one word and the other's stem with a demonym ending ({@code China} / {@code Chinese},
   * {@code Russia} / {@code Russian}, {@code Ukraine} / {@code Ukrainian}: a common prefix of at
   * least 4 letters, all but at most the last letter of the shorter, and at most 4 letters more).
   */
  static boolean sameCountry(String x, String y) {
    if (COUNTRY_NAMES.getOrDefault(x, Set.of()).contains(y)
        || COUNTRY_NAMES.getOrDefault(y, Set.of()).contains(x)) {
      return true;
    }
    String shorter = x.length() <= y.length() ? x : y;
    String longer = shorter == x ? y : x;
    int p = 0;
    while (p < shorter.length() && shorter.charAt(p) == longer.charAt(p)) {
      p++;
    }
    return p >= 4 && p >= shorter.length() - 1 && longer.length() - p <= 4
        && !longer.equals(shorter + "s");
  }

  private static int ownIndex(List<Word> own, Word w) {
    for (int i = 0; i < own.size(); i++) {
      if (own.get(i).start() == w.start()) {
        return i;
      }
    }
    return -1;
  }

  /** The initials of every run of two or more consecutive names through word {@code at}. */
  private static List<String> runInitials(List<Word> words, int at) {
    List<String> out = new ArrayList<>();
    if (at < 0 || !words.get(at).name()) {
      return out;
    }
    int from = at;
    while (from > 0 && words.get(from - 1).name()) {
      from--;
    }
    int to = at + 1;
    while (to < words.size() && words.get(to).name()) {
      to++;
    }
    for (int s = from; s <= at; s++) {
      for (int e = at + 1; e <= to; e++) {
        if (e - s >= 2) {
          StringBuilder b = new StringBuilder();
          for (int k = s; k < e; k++) {
            b.append(Character.toLowerCase(words.get(k).text().charAt(0)));
          }
          out.add(b.toString());
        }
      }
    }
    return out;
  }

  /** A word written in capitals (dots dropped: {@code U.S.} is {@code us}), or "". */
  private static String acronym(Word w) {
    String t = w.text().replace(".", "");
    if (t.length() < 2 || t.length() > 6) {
      return "";
    }
    for (int i = 0; i < t.length(); i++) {
      if (!Character.isUpperCase(t.charAt(i))) {
        return "";
      }
    }
    return t.toLowerCase(Locale.ROOT);
  }
}
