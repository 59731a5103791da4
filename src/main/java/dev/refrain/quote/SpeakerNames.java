package dev.refrain.quote;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Resolves speakers' names across articles: one name per person or organisation.
 *
 * <p>A person is known by surname (the last word of the name, accents and case folded). Full
 * names of one surname are one person when their first names are spelling variants (Jaro-Winkler
 * similarity of at least {@value #FIRST_NAME_SIMILARITY}, as "Antony" and "Anthony" are at 0.96;
 * "Joe" and "Hunter" are two people), named by the form most articles use. A surname alone
 * ("Kritenbrink") takes the full name of the one person with that surname, or of the most named
 * when there are several. An organisation is known by its name folded; a lone word some person's
 * surname is ("Blinken said", where the article gave no first name) is that person.
 */
final class SpeakerNames {
  /** Least Jaro-Winkler similarity of two first names of one person. */
  static final double FIRST_NAME_SIMILARITY = 0.85;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  /**
   * A first name, folded, with its counts of letters: what bounds its Jaro-Winkler similarity
   * with another from above before computing it. Of a generated corpus's 600,000 names, a new
   * name was compared with each earlier person of its surname; nearly all pairs share too few
   * letters to reach {@value #FIRST_NAME_SIMILARITY}, and the bound tells so in 27 steps.
   */
  static final class FirstName {
    final String text;
    /** Occurrences of a..z, then of any other character. */
    final byte[] counts = new byte[27];
    /** Bit k set when {@code counts[k] > 0}. */
    final int letters;

    FirstName(String text) {
      this.text = text;
      int mask = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int k = c >= 'a' && c <= 'z' ? c - 'a' : 26;
        if (counts[k] < Byte.MAX_VALUE) {
          counts[k]++;
        }
        mask |= 1 << k;
      }
      letters = mask;
    }

    /**
     * Whether the Jaro-Winkler similarity of this name and {@code other} (in that order) is at
     * least {@value #FIRST_NAME_SIMILARITY}. Jaro's matches pair equal characters, so they are
     * at most the characters both share (and the shorter length): with transpositions taken as
     * none and Winkler's bonus for the common prefix at most what it is, that bounds the
     * similarity from above, and it is computed only when the bound reaches the bar. The first
     * bound counts a character of one name the other lacks as one unmatched; the second counts
     * every character.
     */
    boolean matches(FirstName other) {
      String a = text;
      String b = other.text;
      int la = a.length();
      int lb = b.length();
      if (la > Byte.MAX_VALUE || lb > Byte.MAX_VALUE) {
        return JARO_WINKLER.apply(a, b) >= FIRST_NAME_SIMILARITY; // counts may have saturated
      }
      int m =
          Math.min(
              la - Integer.bitCount(letters & ~other.letters),
              lb - Integer.bitCount(other.letters & ~letters));
      if (below(m, la, lb, 4)) {
        return false;
      }
      int shared = 0;
      for (int k = 0; k < counts.length; k++) {
        shared += Math.min(counts[k], other.counts[k]);
      }
      m = Math.min(shared, Math.min(la, lb));
      if (m == 0) {
        return a.equals(b); // two empty names are equal (1), others share nothing (0)
      }
      int prefix = 0;
      while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
        prefix++;
      }
      if (below(m, la, lb, prefix)) {
        return false;
      }
      return JARO_WINKLER.apply(a, b) >= FIRST_NAME_SIMILARITY;
    }

    /**
     * Whether Jaro-Winkler with at most {@code m} matches, no transposition and a common prefix
     * of {@code prefix} stays below the bar (with a margin for rounding).
     */
    private static boolean below(int m, int la, int lb, int prefix) {
      if (m <= 0) {
        return la + lb > 0; // no match: 0, unless both are empty
      }
      double j = ((double) m / la + (double) m / lb + 1.0) / 3;
      double most = j < 0.7 ? j : j + 0.1 * prefix * (1 - j);
      return most < FIRST_NAME_SIMILARITY - 1e-9;
    }
  }

  /** One person's forms of name with the renderings using each. */
  private static final class Person {
    final Map<String, Integer> forms = new TreeMap<>();
    FirstName first;
    /** {@link #name()} and {@link #uses()} once the names are counted (null, -1 before). */
    private String named;
    private int used = -1;

    String counted() {
      if (named == null) {
        named = name();
      }
      return named;
    }

    int countedUses() {
      if (used < 0) {
        used = uses();
      }
      return used;
    }

    String name() {
      String best = null;
      int most = -1;
      for (Map.Entry<String, Integer> e : forms.entrySet()) {
        if (e.getValue() > most) {
          best = e.getKey();
          most = e.getValue();
        }
      }
      return best;
    }

    int uses() {
      int n = 0;
      for (int v : forms.values()) {
        n += v;
      }
      return n;
    }
  }

  private final Map<String, List<Person>> bySurname = new HashMap<>();
  /**
   * The person each full name met so far is: people are only added to a surname's list and a
   * name is the first of them its first name matches, so a name stays the person it was found.
   */
  private final Map<String, Person> byName = new HashMap<>();
  /** Each name's surname, folded. */
  private final Map<String, String> surnames = new HashMap<>();
  /** What each speaker (name and type) resolved to, once the names are counted. */
  private final Map<Speaker.Type, Map<String, String[]>> resolved = new java.util.EnumMap<>(Speaker.Type.class);

  /**
   * The names of all renderings' speakers, to resolve; each form of a person's name counted by
   * the articles of {@code people} naming it (each article's people named in full), or, without
   * them, by the renderings whose speaker it is.
   */
  SpeakerNames(List<Rendering> renderings, List<List<String>> people) {
    for (Rendering r : renderings) {
      Speaker s = r.quote().speaker();
      if (s != null && s.type() == Speaker.Type.PERSON && s.name().indexOf(' ') > 0) {
        person(s.name()).forms.merge(s.name(), people.isEmpty() ? 1 : 0, Integer::sum);
      }
    }
    for (List<String> article : people) {
      for (String name : article) {
        List<Person> known = bySurname.get(surnameOf(name));
        if (known != null) { // only people who speak
          person(name).forms.merge(name, 1, Integer::sum);
        }
      }
    }
  }

  /** The person a full name is, by surname and first-name spelling; a new one if none. */
  private Person person(String name) {
    Person known = byName.get(name);
    if (known != null) {
      return known;
    }
    FirstName first = new FirstName(fold(name.substring(0, name.lastIndexOf(' '))));
    List<Person> people = bySurname.computeIfAbsent(surnameOf(name), k -> new ArrayList<>());
    for (Person p : people) {
      if (p.first.matches(first)) {
        byName.put(name, p);
        return p;
      }
    }
    Person p = new Person();
    p.first = first;
    people.add(p);
    if (first.matches(first)) {
      byName.put(name, p); // found again first among its surname's people
    }
    return p;
  }

  /** {@link #surname}, each name folded once. */
  private String surnameOf(String name) {
    String s = surnames.get(name);
    if (s == null) {
      s = surname(name);
      surnames.put(name, s);
    }
    return s;
  }

  /**
   * The speaker as named across the articles: {@code {key, name, type}} with the type's name, or
   * null for no speaker or one only described. Two speakers are one when their keys are equal.
   */
  String[] resolve(Speaker s) {
    if (s == null || s.type() == Speaker.Type.DESCRIPTION) {
      return null;
    }
    Map<String, String[]> known = resolved.computeIfAbsent(s.type(), t -> new HashMap<>());
    String[] r = known.get(s.name());
    if (r == null) {
      r = resolveNamed(s);
      known.put(s.name(), r);
    }
    return r;
  }

  /** {@link #resolve} of a speaker who is named. */
  private String[] resolveNamed(Speaker s) {
    String surname = surnameOf(s.name());
    List<Person> people = bySurname.get(surname);
    boolean person = s.type() == Speaker.Type.PERSON || s.name().indexOf(' ') < 0 && people != null;
    if (!person) {
      return new String[] {"o:" + fold(s.name()), s.name(), Speaker.Type.ORGANISATION.name()};
    }
    if (people == null) {
      return new String[] {"p:" + fold(s.name()), s.name(), Speaker.Type.PERSON.name()};
    }
    Person chosen = null;
    if (s.name().indexOf(' ') > 0) {
      FirstName first = new FirstName(fold(s.name().substring(0, s.name().lastIndexOf(' '))));
      for (Person p : people) {
        if (p.first.matches(first)) {
          chosen = p;
          break;
        }
      }
    } else {
      for (Person p : people) {
        if (chosen == null || p.countedUses() > chosen.countedUses()) {
          chosen = p;
        }
      }
    }
    if (chosen == null) {
      return new String[] {"p:" + fold(s.name()), s.name(), Speaker.Type.PERSON.name()};
    }
    String name = chosen.counted();
    return new String[] {"p:" + fold(name), name, Speaker.Type.PERSON.name()};
  }

  static String surname(String name) {
    int space = name.lastIndexOf(' ');
    return fold(space < 0 ? name : name.substring(space + 1));
  }

  /** Lower case without accents: "Müller" is "muller". */
  static String fold(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
