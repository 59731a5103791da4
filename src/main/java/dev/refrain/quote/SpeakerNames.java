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

  /** One person's forms of name with the renderings using each. */
  private static final class Person {
    final Map<String, Integer> forms = new TreeMap<>();
    String first;

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
        List<Person> known = bySurname.get(surname(name));
        if (known != null) { // only people who speak
          person(name).forms.merge(name, 1, Integer::sum);
        }
      }
    }
  }

  /** The person a full name is, by surname and first-name spelling; a new one if none. */
  private Person person(String name) {
    String first = fold(name.substring(0, name.lastIndexOf(' ')));
    List<Person> people = bySurname.computeIfAbsent(surname(name), k -> new ArrayList<>());
    for (Person p : people) {
      if (JARO_WINKLER.apply(p.first, first) >= FIRST_NAME_SIMILARITY) {
        return p;
      }
    }
    Person p = new Person();
    p.first = first;
    people.add(p);
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
    String surname = surname(s.name());
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
      String first = fold(s.name().substring(0, s.name().lastIndexOf(' ')));
      for (Person p : people) {
        if (JARO_WINKLER.apply(p.first, first) >= FIRST_NAME_SIMILARITY) {
          chosen = p;
          break;
        }
      }
    } else {
      for (Person p : people) {
        if (chosen == null || p.uses() > chosen.uses()) {
          chosen = p;
        }
      }
    }
    if (chosen == null) {
      return new String[] {"p:" + fold(s.name()), s.name(), Speaker.Type.PERSON.name()};
    }
    String name = chosen.name();
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
