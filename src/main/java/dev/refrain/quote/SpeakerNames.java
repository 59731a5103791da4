package dev.refrain.quote;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      if (!mayMatch(letters, la, other)) {
        return false;
      }
      int shared = 0;
      for (int k = 0; k < counts.length; k++) {
        shared += Math.min(counts[k], other.counts[k]);
      }
      int m = Math.min(shared, Math.min(la, lb));
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
     * The first bound of {@link #matches}, from the letters and length of this name alone
     * ({@code letters}, {@code length}): false when the similarity with {@code other} stays
     * below the bar. What a search through many names reads of each, kept in int arrays.
     */
    static boolean mayMatch(int letters, int length, FirstName other) {
      int lb = other.text.length();
      if (length > Byte.MAX_VALUE || lb > Byte.MAX_VALUE) {
        return true;
      }
      int m =
          Math.min(
              length - Integer.bitCount(letters & ~other.letters),
              lb - Integer.bitCount(other.letters & ~letters));
      return !below(m, length, lb, 4);
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

  /** One form of a name as the articles give it: its surname, the person it is, its uses. */
  private static final class Name {
    final String text;
    /** The surname, folded ({@link #surname}). */
    final String surname;
    /** The person the name is, once a full name is counted (null before, and for other names). */
    Person person;
    /** The renderings or articles using the name. */
    int uses;

    Name(String text) {
      this.text = text;
      this.surname = surname(text);
    }
  }

  /** One person's forms of name with the renderings using each. */
  private static final class Person {
    final FirstName first;
    /** The full names found to be this person, each once. */
    final List<Name> forms = new ArrayList<>(2);
    /** {@link #name()} and {@link #uses()} once the names are counted (null, -1 before). */
    private String named;
    private int used = -1;

    Person(FirstName first) {
      this.first = first;
    }

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

    /** The form most used; of forms used as often, the first in {@link String#compareTo} order. */
    String name() {
      String best = null;
      int most = -1;
      for (Name f : forms) {
        if (f.uses > most || f.uses == most && f.text.compareTo(best) < 0) {
          best = f.text;
          most = f.uses;
        }
      }
      return best;
    }

    int uses() {
      int n = 0;
      for (Name f : forms) {
        n += f.uses;
      }
      return n;
    }
  }

  /**
   * The people of one surname, in the order met, and beside them what the bounds of {@link
   * FirstName#matches} read of each one's first name, in flat arrays: a new name is weighed
   * against every earlier person of its surname (a 100,000-article corpus: 4 * 10^7 pairs), and
   * reading each person's own objects for it was most of the time (memory, not arithmetic).
   */
  private static final class Surname {
    final List<Person> people = new ArrayList<>();
    private int[] letters = new int[4];
    private int[] lengths = new int[4];
    /** The first four chars of each first name, 16 bits each, the first highest; 0 past its end. */
    private long[] heads = new long[4];
    /** Each first name's 27 counts ({@link FirstName#counts}) in turn. */
    private byte[] counts = new byte[4 * 27];

    /** The first person (in the order met) whose first name matches {@code first}, or null. */
    Person firstMatching(FirstName first) {
      int n = people.size();
      long head = head(first.text);
      for (int k = 0; k < n; k++) {
        if (FirstName.mayMatch(letters[k], lengths[k], first) && mayMatch(k, head, first)) {
          Person p = people.get(k);
          if (p.first.matches(first)) {
            return p;
          }
        }
      }
      return null;
    }

    /**
     * The second bound of {@link FirstName#matches} for person {@code k} (its first name's
     * counts and head here): false when the similarity with {@code first} stays below the bar.
     */
    private boolean mayMatch(int k, long head, FirstName first) {
      int la = lengths[k];
      int lb = first.text.length();
      if (la > Byte.MAX_VALUE || lb > Byte.MAX_VALUE) {
        return true;
      }
      int shared = 0;
      byte[] other = first.counts;
      for (int c = 0, at = 27 * k; c < 27; c++, at++) {
        shared += Math.min(counts[at], other[c]);
      }
      int m = Math.min(shared, Math.min(la, lb));
      if (m == 0) {
        return true; // matches compares the names themselves
      }
      int prefix = Math.min(Math.min(4, Math.min(la, lb)), Long.numberOfLeadingZeros(heads[k] ^ head) / 16);
      return !FirstName.below(m, la, lb, prefix);
    }

    void add(Person p) {
      int n = people.size();
      if (n == letters.length) {
        letters = java.util.Arrays.copyOf(letters, 2 * n);
        lengths = java.util.Arrays.copyOf(lengths, 2 * n);
        heads = java.util.Arrays.copyOf(heads, 2 * n);
        counts = java.util.Arrays.copyOf(counts, 2 * n * 27);
      }
      letters[n] = p.first.letters;
      lengths[n] = p.first.text.length();
      heads[n] = head(p.first.text);
      System.arraycopy(p.first.counts, 0, counts, 27 * n, 27);
      people.add(p);
    }

    private static long head(String text) {
      long h = 0;
      for (int i = 0; i < 4; i++) {
        h = h << 16 | (i < text.length() ? text.charAt(i) : 0);
      }
      return h;
    }
  }

  private final Map<String, Surname> bySurname = new HashMap<>();
  /**
   * Each name met (full names, and the speakers resolved): its surname and, for a full name,
   * the person it is. People are only added to a surname's list and a name is the first of them
   * its first name matches, so a name stays the person it was found.
   */
  private final Map<String, Name> names = new HashMap<>();
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
        Name n = name(s.name());
        person(n);
        n.uses += people.isEmpty() ? 1 : 0;
      }
    }
    for (List<String> article : people) {
      for (String text : article) {
        Name n = name(text);
        if (bySurname.containsKey(n.surname)) { // only people who speak
          person(n);
          n.uses++;
        }
      }
    }
  }

  /** The name {@code text}, its surname folded the first time it is met. */
  private Name name(String text) {
    Name n = names.get(text);
    if (n == null) {
      n = new Name(text);
      names.put(text, n);
    }
    return n;
  }

  /** The person a full name is, by surname and first-name spelling; a new one if none. */
  private Person person(Name name) {
    if (name.person != null) {
      return name.person;
    }
    FirstName first = new FirstName(fold(name.text.substring(0, name.text.lastIndexOf(' '))));
    Surname people = bySurname.computeIfAbsent(name.surname, k -> new Surname());
    Person p = people.firstMatching(first);
    if (p == null) {
      p = new Person(first); // a name matches itself: found again first among its surname's people
      people.add(p);
    }
    name.person = p;
    p.forms.add(name);
    return p;
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
    Name n = name(s.name());
    Surname known = bySurname.get(n.surname);
    List<Person> people = known == null ? null : known.people;
    boolean person = s.type() == Speaker.Type.PERSON || s.name().indexOf(' ') < 0 && people != null;
    if (!person) {
      return new String[] {"o:" + fold(s.name()), s.name(), Speaker.Type.ORGANISATION.name()};
    }
    if (people == null) {
      return new String[] {"p:" + fold(s.name()), s.name(), Speaker.Type.PERSON.name()};
    }
    Person chosen = null;
    if (s.name().indexOf(' ') > 0) {
      // The person the name was found to be when counted: the first of its surname's people its
      // first name matches, and people are only added after.
      chosen = n.person;
      if (chosen == null) {
        chosen = known.firstMatching(new FirstName(fold(s.name().substring(0, s.name().lastIndexOf(' ')))));
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
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      return s.toLowerCase(Locale.ROOT); // ASCII decomposes to itself, without marks
    }
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
