package dev.refrain.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one article and the people and organisations its capitalised runs name.
 *
 * <p>A word is held as ints: its offsets and its bits (what {@link Lexicon#kind} says of its
 * lower case, whether it is capitalised, inside a quote, ASCII); no string is made per word. A
 * word: 0-based, end-exclusive offsets; letters and digits with inner hyphens and apostrophes,
 * and the stop of an abbreviation or initial.
 */
final class Words {
  /** The word lies inside a top-level quote, marks included. */
  static final int MASKED = 1 << 29;
  /** The word's first char is upper case. */
  static final int CAPITALISED = 1 << 28;
  /** Every char of the word is ASCII (its lower case is its chars lower-cased one by one). */
  static final int ASCII = 1 << 27;

  private final String text;
  private int[] start;
  private int[] end;
  private int[] kind;
  private int size;
  /** The indices of the words outside quotes, ascending. */
  private int[] open;
  private int opened;

  private Words(String text, int capacity) {
    this.text = text;
    this.start = new int[capacity];
    this.end = new int[capacity];
    this.kind = new int[capacity];
  }

  /** A person or organisation a capitalised run names, outside quotes. */
  record Mention(int start, int end, String name, Speaker.Type type, boolean lone) {}

  /** The words of {@code text} (its chars in {@code chars}), masked ones (inside quotes) flagged. */
  static Words split(String text, char[] chars, boolean[] masked) {
    int n = chars.length;
    Words out = new Words(text, Math.max(16, n / 5));
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(chars[i])) {
        i++;
        continue;
      }
      int s = i;
      boolean ascii = true;
      while (i < n) {
        char c = chars[i];
        if (Character.isLetterOrDigit(c)) {
          ascii &= c < 0x80;
          i++;
        } else if ((c == '-' || c == '\'' || c == '’' || c == '.') && i + 1 < n
            && Character.isLetter(chars[i + 1])
            && (c != '.' || i - s == 1)) {
          ascii &= c < 0x80;
          i++;
        } else {
          break;
        }
      }
      if (i < n && chars[i] == '.') {
        boolean initial = i - s == 1 && Character.isUpperCase(chars[s]);
        if (initial || abbreviation(text, s, i + 1, ascii)) {
          i++;
        }
      }
      int bits =
          (ascii ? Lexicon.kind(text, s, i, true) | ASCII : Lexicon.kind(Lexicon.lower(text.substring(s, i))))
              | (masked[s] ? MASKED : 0)
              | (Character.isUpperCase(chars[s]) ? CAPITALISED : 0);
      out.add(s, i, bits);
    }
    return out;
  }

  /**
   * Whether {@code text[s..e)}, which ends in a stop, is an abbreviation whose stop is part of
   * it, or letters with stops ("u.s.", "e.g.").
   */
  private static boolean abbreviation(String text, int s, int e, boolean ascii) {
    if (!ascii) {
      String w = Lexicon.lower(text.substring(s, e));
      return (Lexicon.kind(w) & Lexicon.ABBREVIATION) != 0 || lettersWithStops(w);
    }
    if ((Lexicon.kind(text, s, e, true) & Lexicon.ABBREVIATION) != 0) {
      return true;
    }
    if ((e - s) % 2 != 0) {
      return false;
    }
    for (int i = s; i < e; i += 2) {
      char c = Lexicon.asciiLower(text.charAt(i));
      if (c < 'a' || c > 'z' || text.charAt(i + 1) != '.') {
        return false;
      }
    }
    return true;
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

  private void add(int s, int e, int bits) {
    if (size == start.length) {
      start = java.util.Arrays.copyOf(start, 2 * size);
      end = java.util.Arrays.copyOf(end, 2 * size);
      kind = java.util.Arrays.copyOf(kind, 2 * size);
    }
    start[size] = s;
    end[size] = e;
    kind[size] = bits;
    size++;
  }

  /** The indices of the words outside quotes. */
  private int[] open() {
    if (open == null) {
      int[] o = new int[size];
      int m = 0;
      for (int k = 0; k < size; k++) {
        if ((kind[k] & MASKED) == 0) {
          o[m++] = k;
        }
      }
      open = o;
      opened = m;
    }
    return open;
  }

  /** The unmasked words lying inside {@code from..to}, by binary search. */
  Span within(int from, int to) {
    int[] o = open();
    int lo = 0;
    int hi = opened;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (start[o[mid]] < from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int last = lo;
    while (last < opened && end[o[last]] <= to) {
      last++;
    }
    return new Span(lo, last);
  }

  /**
   * A run of the words outside quotes, numbered from 0: where each lies and what it is. Words
   * inside a quote lie between the two words around it, so the unmasked words of a range are a
   * run of them.
   */
  final class Span {
    private final int from;
    private final int to;

    private Span(int from, int to) {
      this.from = from;
      this.to = to;
    }

    int size() {
      return to - from;
    }

    boolean isEmpty() {
      return to == from;
    }

    int start(int i) {
      return start[open[from + i]];
    }

    int end(int i) {
      return end[open[from + i]];
    }

    /** Whether word {@code i} has any of the {@link Lexicon} bits {@code bits}. */
    boolean is(int i, int bits) {
      return (kind[open[from + i]] & bits) != 0;
    }

    /** Whether word {@code i}'s lower case ends with {@code suffix} (lower case ASCII). */
    boolean lowerEndsWith(int i, String suffix) {
      int w = open[from + i];
      if ((kind[w] & ASCII) == 0) {
        return Lexicon.lower(text.substring(start[w], end[w])).endsWith(suffix);
      }
      int at = end[w] - suffix.length();
      if (at < start[w]) {
        return false;
      }
      for (int k = 0; k < suffix.length(); k++) {
        if (Lexicon.asciiLower(text.charAt(at + k)) != suffix.charAt(k)) {
          return false;
        }
      }
      return true;
    }
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

  /** Whether the space-separated {@code name} has {@code token} as one of its words. */
  static boolean hasToken(String name, String token) {
    for (String t : name.split(" ")) {
      if (t.equals(token)) {
        return true;
      }
    }
    return false;
  }

  private boolean is(int k, int bits) {
    return (kind[k] & bits) != 0;
  }

  /**
   * The people and organisations named by capitalised runs outside quotes, in text order. A run
   * is capitalised words joined by spaces (and "of" between two of them); titles, nationalities
   * and organisation words before its last words leave those as a person's name (at most two
   * words, three with an initial); a run without such a name is an organisation when it holds
   * an organisation word, or a single word inside a sentence ("Beijing insisted").
   */
  List<Mention> people() {
    List<Mention> out = new ArrayList<>();
    int i = 0;
    while (i < size) {
      if (is(i, MASKED) || !is(i, CAPITALISED)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < size) {
        if (is(j, MASKED) || !onlySpaceBetween(end[j - 1], start[j])) {
          break;
        }
        if (is(j, CAPITALISED) && !is(j, Lexicon.NOT_NAME)) {
          j++;
        } else if (is(j, Lexicon.OF) && j + 1 < size
            && is(j + 1, CAPITALISED) && !is(j + 1, MASKED)
            && onlySpaceBetween(end[j], start[j + 1])) {
          j++;
        } else {
          break;
        }
      }
      classify(i, j, out);
      i = j;
    }
    return out;
  }

  /** The mention the run of words {@code from..to} names, if any, added to {@code out}. */
  private void classify(int from, int to, List<Mention> out) {
    int first = from;
    while (first < to && is(first, Lexicon.NOT_NAME)) {
      first++;
    }
    if (first == to) {
      return;
    }
    boolean organisation = false;
    int lastNonName = first - 1;
    for (int k = first; k < to; k++) {
      boolean head = is(k, Lexicon.ORGANISATION_HEAD);
      organisation |= head;
      if (head || is(k, Lexicon.TITLE | Lexicon.NATIONALITY)) {
        lastNonName = k;
      }
    }
    int name = lastNonName + 1;
    if (name < to) {
      int at = Math.max(name, to - 2);
      if (at > name && end[at] - start[at] == 2 && text.charAt(end[at] - 1) == '.') {
        at--;
      }
      boolean lone = to - at == 1 && lastNonName < first;
      out.add(new Mention(start[at], end[to - 1], join(at, to), Speaker.Type.PERSON, lone));
      return;
    }
    if (organisation) {
      int org = first;
      while (org < to - 1 && is(org, Lexicon.NATIONALITY)) {
        org++;
      }
      out.add(new Mention(start[first], end[to - 1], join(org, to), Speaker.Type.ORGANISATION, false));
    }
  }

  /** Words {@code from..to} joined by single spaces. */
  private String join(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from) {
        b.append(' ');
      }
      b.append(text, start[k], end[k]);
    }
    return b.toString();
  }

  private boolean onlySpaceBetween(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return to - from <= 1;
  }
}
