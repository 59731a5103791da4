package dev.refrain.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The words of an article and the people and organisations its capitalised runs name. */
final class Words {
  private Words() {}

  /** Abbreviations whose stop is part of the word, lower case. */
  static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "gen.", "sen.", "rep.", "gov.",
          "corp.", "inc.", "lt.", "col.", "prof.", "co.", "ltd.", "no.", "vs.", "u.s.", "u.k.",
          "u.n.", "e.u.");

  /**
   * A word: 0-based, end-exclusive offsets; letters and digits with inner hyphens and
   * apostrophes, and the stop of an abbreviation or initial.
   */
  record Word(int start, int end, String text, String lower, boolean masked) {
    /** A word of {@code text}, its lower case ({@link Lexicon#lower}) made once. */
    Word(int start, int end, String text, boolean masked) {
      this(start, end, text, Lexicon.lower(text), masked);
    }

    boolean capitalised() {
      return Character.isUpperCase(text.charAt(0));
    }
  }

  /** A person or organisation a capitalised run names, outside quotes. */
  record Mention(int start, int end, String name, Speaker.Type type, boolean lone) {}

  /** The words of {@code text}, masked ones (inside quotes) flagged. */
  static List<Word> split(String text, boolean[] masked) {
    return split(text, text.toCharArray(), masked);
  }

  /** {@link #split(String, boolean[])} with the text's characters in {@code chars}. */
  static List<Word> split(String text, char[] chars, boolean[] masked) {
    List<Word> out = new ArrayList<>();
    int n = chars.length;
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(chars[i])) {
        i++;
        continue;
      }
      int s = i;
      while (i < n) {
        char c = chars[i];
        if (Character.isLetterOrDigit(c)) {
          i++;
        } else if ((c == '-' || c == '\'' || c == '’' || c == '.') && i + 1 < n
            && Character.isLetter(chars[i + 1])
            && (c != '.' || i - s == 1)) {
          i++;
        } else {
          break;
        }
      }
      if (i < n && chars[i] == '.') {
        String w = Lexicon.lower(text.substring(s, i + 1));
        boolean initial = i - s == 1 && Character.isUpperCase(chars[s]);
        if (initial || ABBREVIATIONS.contains(w) || lettersWithStops(w)) {
          i++;
        }
      }
      out.add(new Word(s, i, text.substring(s, i), masked[s]));
    }
    return out;
  }

  /** Whether {@code w} is one or more of a letter a-z and a stop: "u.s.", "e.g.". */
  static boolean lettersWithStops(String w) {
    if (w.isEmpty() || w.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < w.length(); i += 2) {
      if (w.charAt(i) < 'a' || w.charAt(i) > 'z' || w.charAt(i + 1) != '.') {
        return false;
      }
    }
    return true;
  }

  /** The unmasked words lying inside {@code from..to}, by binary search. */
  static List<Word> within(List<Word> words, int from, int to) {
    int lo = 0;
    int hi = words.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (words.get(mid).start() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Word> out = new ArrayList<>();
    for (int i = lo; i < words.size() && words.get(i).end() <= to; i++) {
      if (!words.get(i).masked()) {
        out.add(words.get(i));
      }
    }
    return out;
  }

  /** The mentions lying inside {@code from..to}, by binary search. */
  static List<Mention> mentionsWithin(List<Mention> mentions, int from, int to) {
    int lo = 0;
    int hi = mentions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (mentions.get(mid).start() < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int end = lo;
    while (end < mentions.size() && mentions.get(end).end() <= to) {
      end++;
    }
    return mentions.subList(lo, end);
  }

  static boolean isDeterminer(String lower) {
    return switch (lower) {
      case "the", "his", "her", "its", "their", "a", "an", "this", "that", "our" -> true;
      default -> false;
    };
  }

  /** Whether the space-separated {@code name} has {@code token} as one of its words. */
  static boolean hasToken(String name, String token) {
    for (String t : name.split(" ")) {
      if (t.equals(token)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The people and organisations named by capitalised runs outside quotes, in text order. A run
   * is capitalised words joined by spaces (and "of" between two of them); titles, nationalities
   * and organisation words before its last words leave those as a person's name (at most two
   * words, three with an initial); a run without such a name is an organisation when it holds
   * an organisation word, or a single word inside a sentence ("Beijing insisted").
   */
  static List<Mention> people(List<Word> words, String text, boolean[] masked) {
    List<Mention> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Word w = words.get(i);
      if (w.masked() || !w.capitalised()) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < words.size()) {
        Word prev = words.get(j - 1);
        Word next = words.get(j);
        if (next.masked() || !onlySpaceBetween(text, prev.end(), next.start())) {
          break;
        }
        if (next.capitalised() && !Lexicon.NOT_NAMES.contains(next.lower())) {
          j++;
        } else if (next.lower().equals("of") && j + 1 < words.size()
            && words.get(j + 1).capitalised() && !words.get(j + 1).masked()
            && onlySpaceBetween(text, next.end(), words.get(j + 1).start())) {
          j++;
        } else {
          break;
        }
      }
      classify(words.subList(i, j), out);
      i = j;
    }
    return out;
  }

  private static void classify(List<Word> run, List<Mention> out) {
    int first = 0;
    while (first < run.size() && Lexicon.NOT_NAMES.contains(run.get(first).lower())) {
      first++;
    }
    if (first == run.size()) {
      return;
    }
    run = run.subList(first, run.size());
    boolean organisation = false;
    int lastNonName = -1;
    for (int k = 0; k < run.size(); k++) {
      String l = run.get(k).lower();
      boolean head = Lexicon.ORGANISATION_HEADS.contains(l);
      organisation |= head;
      if (head || Lexicon.TITLES.contains(l) || Lexicon.NATIONALITIES.contains(l)) {
        lastNonName = k;
      }
    }
    List<Word> name = run.subList(lastNonName + 1, run.size());
    if (!name.isEmpty()) {
      int from = Math.max(0, name.size() - 2);
      if (from > 0 && name.get(from).text().endsWith(".") && name.get(from).text().length() == 2) {
        from--;
      }
      name = name.subList(from, name.size());
      boolean lone = name.size() == 1 && lastNonName < 0;
      out.add(new Mention(name.get(0).start(), name.get(name.size() - 1).end(), join(name),
          Speaker.Type.PERSON, lone));
      return;
    }
    if (organisation) {
      int from = 0;
      while (from < run.size() - 1 && Lexicon.NATIONALITIES.contains(run.get(from).lower())) {
        from++;
      }
      List<Word> org = run.subList(from, run.size());
      out.add(new Mention(run.get(0).start(), run.get(run.size() - 1).end(), join(org),
          Speaker.Type.ORGANISATION, false));
    }
  }

  private static String join(List<Word> words) {
    StringBuilder b = new StringBuilder();
    for (Word w : words) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(w.text());
    }
    return b.toString();
  }

  private static boolean onlySpaceBetween(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return to - from <= 1;
  }
}
