package dev.refrain.quote;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the quotations of one article and who it says spoke them.
 *
 * <p><b>Marked quotes</b>: text inside “ ” „ “ « » ‘ ’ 「 」 『 』 or straight double quotes.
 * Marks nest (a quote inside a quote is part of the outer one, and a closing mark whose opener is
 * missing is passed over), and a quote left open ends at its paragraph's end (a blank line, or a
 * line break after a full stop). A ’ closes a ‘ only when no letter follows it, so apostrophes
 * ("China’s") never close a quote.
 *
 * <p><b>Reported speech</b>: in a sentence without quotation marks, the words after a reporting
 * verb whose subject names a speaker ("Austin said he was confident he could meet ..."), after
 * "according to X," or before ", according to X" or ", X said." (at least {@value
 * #MIN_REPORTED_WORDS} words).
 *
 * <p><b>Speakers</b>: the named person, organisation or description next to a speech verb in the
 * quote's sentence, outside the quote: after the quote ("…,” Kritenbrink told reporters", "…,”
 * said Kritenbrink") before it ("Blinken told reporters that “…"), or the speaker of the quote
 * before it in the same sentence ("…,” saying, “…"). A person is named without title (the last two
 * capitalised words of "Assistant Secretary of State Daniel Kritenbrink"); a surname alone
 * ("Kritenbrink", "Mr. Blinken") takes the full name the article gave; "he", "she" and "the
 * latter" take the last person named or described before; "the American diplomat" the last
 * person named; "his counterpart" is someone described, not named.
 *
 * <p>Linear in the article's length: one pass for marks, one for sentences, one for capitalised
 * runs, and each quote reads only its own sentence. Plain serializable Java, no state between
 * calls.
 */
public final class QuoteFinder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Fewest words of a reported-speech quote. */
  public static final int MIN_REPORTED_WORDS = 5;

  /** Most words between a quote's end and the speech verb that attributes it ("…,” he said). */
  static final int MAX_SUBJECT_WORDS = 9;

  /** The quotes of {@code text}, in text order. */
  public List<Quote> find(String text) {
    return new Article(text).quotes();
  }

  /**
   * The quotes of {@code text} and the people it names in full (two words or more, without
   * title, outside quotes), each once, in order of first mention: what names a speaker across
   * articles ({@link SpeakerNames} counts the articles using each form of a name).
   */
  public Found findWithPeople(String text) {
    Article a = new Article(text);
    java.util.LinkedHashSet<String> people = new java.util.LinkedHashSet<>();
    for (Words.Mention m : a.people) {
      if (m.type() == Speaker.Type.PERSON && m.name().indexOf(' ') > 0) {
        people.add(m.name());
      }
    }
    return new Found(a.quotes(), List.copyOf(people));
  }

  /** The quotes of a text and the people it names in full. */
  public record Found(List<Quote> quotes, List<String> people) implements Serializable {}

  /** One article's text with its marks, sentences and capitalised runs. */
  private static final class Article {
    final String text;
    final List<int[]> marks; // {open, contentStart, contentEnd, closeEnd}
    final boolean[] masked; // inside a top-level mark, marks included
    final Words words;
    final int[] sentenceStarts;
    final List<Words.Mention> people;
    /** Each word of a full name (two words or more) to the first full name holding it. */
    final Map<String, String> fullNames;
    /** Speaker mentions of the quotes attributed so far: {start, index into speakers}. */
    final List<Speaker> attributed = new ArrayList<>();

    Article(String text) {
      this.text = text;
      char[] chars = text.toCharArray();
      this.marks = Marks.find(text, chars);
      this.masked = new boolean[text.length()];
      for (int[] m : marks) {
        for (int i = m[0]; i < m[3]; i++) {
          masked[i] = true;
        }
      }
      this.words = Words.split(text, chars, masked);
      this.sentenceStarts = Sentences.starts(text, chars, masked, marks);
      this.people = words.people();
      this.fullNames = new HashMap<>();
      for (Words.Mention p : people) {
        if (p.type() == Speaker.Type.PERSON && p.name().indexOf(' ') > 0) {
          for (String token : p.name().split(" ")) {
            fullNames.putIfAbsent(token, p.name());
          }
        }
      }
    }

    List<Quote> quotes() {
      List<Quote> out = new ArrayList<>();
      int m = 0;
      for (int s = 0; s < sentenceStarts.length; s++) {
        int ss = sentenceStarts[s];
        int se = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : text.length();
        List<int[]> inSentence = new ArrayList<>();
        while (m < marks.size() && marks.get(m)[0] < se) {
          if (marks.get(m)[0] >= ss) {
            inSentence.add(marks.get(m));
          }
          m++;
        }
        if (inSentence.isEmpty()) {
          Quote r = Reported.find(this, ss, se);
          if (r != null) {
            out.add(r);
            attributed.add(r.speaker());
          }
          continue;
        }
        Speaker previous = null;
        for (int k = 0; k < inSentence.size(); k++) {
          int[] q = inSentence.get(k);
          int leftFrom = k > 0 ? inSentence.get(k - 1)[3] : ss;
          int rightTo = k + 1 < inSentence.size() ? inSentence.get(k + 1)[0] : se;
          Speaker sp = attribute(q, leftFrom, rightTo, k > 0, previous);
          previous = sp;
          if (sp != null) {
            attributed.add(sp);
          }
          out.add(new Quote(q[1], q[2], Quote.Kind.MARKED, sp));
        }
      }
      return out;
    }

    /** The speaker of the marked quote {@code q}, whose sentence context is {@code from..to}. */
    private Speaker attribute(int[] q, int from, int to, boolean afterQuote, Speaker previous) {
      // After the quote: "…,” he said", "…,” said X", "…,” according to X".
      Words.Span right = words.within(q[3], to);
      for (int i = 0; i < right.size() && i <= MAX_SUBJECT_WORDS; i++) {
        int verbEnd = verbAt(right, i);
        if (verbEnd < 0) {
          continue;
        }
        Speaker sp = speakerIn(q[3], right.start(i), true);
        if (sp == null) {
          sp = speakerIn(right.end(verbEnd - 1), clauseEnd(right.end(verbEnd - 1), to), false);
        }
        if (sp != null) {
          return sp;
        }
        break;
      }
      // Before it: "X told reporters that “…", "He added that “…".
      Words.Span left = words.within(from, q[0]);
      for (int i = left.size() - 1; i >= 0; i--) {
        int verbEnd = verbAt(left, i);
        if (verbEnd < 0) {
          continue;
        }
        Speaker sp;
        if (left.is(i, Lexicon.ACCORDING)) {
          sp = speakerIn(left.end(verbEnd - 1), clauseEnd(left.end(verbEnd - 1), q[0]), false);
        } else {
          sp = subjectBefore(from, left.start(i));
        }
        if (sp != null) {
          return sp;
        }
        if (afterQuote && previous != null) {
          return previous;
        }
        break;
      }
      // A quote continued in the same sentence: "“…” because “…".
      if (afterQuote && previous != null && left.size() <= 4) {
        return previous;
      }
      return null;
    }

    /**
     * Whether a speech verb starts at word {@code i}: the index after its last word, or -1
     * ("according to" is two words).
     */
    int verbAt(Words.Span ws, int i) {
      if (ws.is(i, Lexicon.ACCORDING)) {
        return i + 1 < ws.size() && ws.is(i + 1, Lexicon.TO) ? i + 2 : -1;
      }
      return ws.is(i, Lexicon.SPEECH_VERB) ? i + 1 : -1;
    }

    /** Where the clause starting at {@code from} ends: the next comma, semicolon or stop. */
    int clauseEnd(int from, int to) {
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if ((c == ',' || c == ';' || c == ':' || c == '.' || c == '(') && !masked[i]
            && !Sentences.endsAbbreviation(text, i)) {
          if (i > from && text.substring(from, i).isBlank()) {
            continue;
          }
          return i;
        }
      }
      return to;
    }

    /**
     * The subject of a verb at {@code verb}: the nearest clause before it that names someone,
     * passing over a clause that opens with a participle or "who" ("President Biden, commenting
     * on Blinken’s visit, said").
     */
    Speaker subjectBefore(int from, int verb) {
      int end = verb;
      while (end > from) {
        int start = end;
        while (start > from) {
          char c = text.charAt(start - 1);
          if ((c == ',' || c == ';' || c == ':') && !masked[start - 1]) {
            break;
          }
          start--;
        }
        Words.Span clause = words.within(start, end);
        boolean aside =
            !clause.isEmpty()
                && (clause.lowerEndsWith(0, "ing") || clause.is(0, Lexicon.WHO))
                && Character.isLowerCase(text.charAt(clause.start(0)));
        if (!aside) {
          Speaker sp = speakerIn(start, end, false);
          if (sp != null) {
            return sp;
          }
          if (!clause.isEmpty() && !isAppositive(clause)) {
            return null;
          }
        }
        end = start - 1;
      }
      return null;
    }

    /** A clause that is a name only, as an appositive before a comma ("Blinken, the diplomat,"). */
    private static boolean isAppositive(Words.Span clause) {
      return clause.size() <= 4;
    }

    /**
     * The speaker a phrase {@code from..to} names: a person (the one nearest the verb, which is at
     * {@code to} when {@code verbAfter}), else a pronoun's antecedent, else a description, else an
     * organisation; null when it names none.
     */
    Speaker speakerIn(int from, int to, boolean verbAfter) {
      if (to <= from) {
        return null;
      }
      Words.Span ws = words.within(from, to);
      if (ws.isEmpty()) {
        return null;
      }
      Speaker person = null;
      Speaker organisation = null;
      for (Words.Mention p : Words.mentionsWithin(people, from, to)) {
        Speaker s = resolve(p);
        if (s.type() == Speaker.Type.PERSON) {
          if (person == null || verbAfter) {
            person = s;
          }
        } else if (organisation == null || verbAfter) {
          organisation = s;
        }
      }
      if (person != null) {
        return person;
      }
      for (int i = 0; i < ws.size(); i++) {
        boolean latter = ws.is(i, Lexicon.LATTER) && i > 0 && ws.is(i - 1, Lexicon.THE);
        if (ws.is(i, Lexicon.PRONOUN) || latter) {
          Speaker before = antecedent(ws.start(i));
          return before == null
              ? null
              : new Speaker(before.name(), before.type(), latter ? ws.start(i - 1) : ws.start(i), ws.end(i));
        }
      }
      for (int i = 0; i < ws.size(); i++) {
        if (!ws.is(i, Lexicon.ROLE)) {
          continue;
        }
        int first = i;
        while (first > 0 && i - first < 3
            && !ws.is(first - 1, Lexicon.DETERMINER | Lexicon.SPEECH_VERB | Lexicon.TO)) {
          first--;
        }
        if (organisation != null && organisation.end() >= ws.end(i)) {
          break; // "the Chinese Foreign Ministry": the organisation's own head word
        }
        String description = text.substring(ws.start(first), ws.end(i));
        boolean definite = first > 0 && ws.is(first - 1, Lexicon.THE | Lexicon.THIS);
        boolean another = ws.is(i, Lexicon.COUNTERPART) || ws.lowerEndsWith(i, "s");
        if (definite && !another) {
          Speaker before = lastPerson(ws.start(first));
          if (before != null) {
            return new Speaker(before.name(), before.type(), ws.start(first), ws.end(i));
          }
        }
        return new Speaker(description, Speaker.Type.DESCRIPTION, ws.start(first), ws.end(i));
      }
      if (organisation != null) {
        return organisation;
      }
      return null;
    }

    /**
     * A mention as a speaker: a person's name as the article gives it in full ("Blinken" becomes
     * "Antony Blinken"); a lone word no full name holds is a place or body ("Beijing").
     */
    Speaker resolve(Words.Mention m) {
      if (m.type() != Speaker.Type.PERSON || m.name().indexOf(' ') >= 0) {
        return new Speaker(m.name(), m.type(), m.start(), m.end());
      }
      String best = fullNames.get(m.name());
      if (best != null) {
        return new Speaker(best, Speaker.Type.PERSON, m.start(), m.end());
      }
      return new Speaker(m.name(), m.lone() ? Speaker.Type.ORGANISATION : Speaker.Type.PERSON, m.start(), m.end());
    }

    /**
     * What "he" or "she" at {@code at} refers to: the last person named or the last speaker
     * attributed (a person or description, not an organisation) before it, whichever is later.
     */
    Speaker antecedent(int at) {
      Speaker person = lastPerson(at);
      Speaker spoke = null;
      for (int i = attributed.size() - 1; i >= 0 && spoke == null; i--) {
        if (attributed.get(i).start() < at
            && attributed.get(i).type() != Speaker.Type.ORGANISATION) {
          spoke = attributed.get(i);
        }
      }
      if (spoke == null) {
        return person;
      }
      return person == null || spoke.start() >= person.start() ? spoke : person;
    }

    /** The last person named before {@code at}, outside quotes. */
    Speaker lastPerson(int at) {
      List<Words.Mention> before = Words.mentionsWithin(people, 0, at);
      for (int i = before.size() - 1; i >= 0; i--) {
        Speaker s = resolve(before.get(i));
        if (s.type() == Speaker.Type.PERSON) {
          return s;
        }
      }
      return null;
    }
  }

  /** Reported speech in a sentence without marks. */
  private static final class Reported {
    static Quote find(Article a, int from, int to) {
      Words.Span ws = a.words.within(from, to);
      if (ws.size() < MIN_REPORTED_WORDS + 1) {
        return null;
      }
      int end = trimEnd(a.text, from, to);
      // "According to X, CLAUSE."
      if (ws.is(0, Lexicon.ACCORDING) && ws.size() > 2 && ws.is(1, Lexicon.TO)) {
        int comma = a.clauseEnd(ws.end(1), end);
        Speaker sp = a.speakerIn(ws.end(1), comma, false);
        return quote(a, sp, comma + 1, end);
      }
      for (int i = 1; i < ws.size(); i++) {
        // "CLAUSE, according to X." and "CLAUSE, X said."
        if (i + 1 < ws.size() && ws.is(i, Lexicon.ACCORDING) && ws.is(i + 1, Lexicon.TO)
            && a.text.substring(ws.end(i - 1), ws.start(i)).contains(",")) {
          Speaker sp = a.speakerIn(ws.end(i + 1), end, false);
          return quote(a, sp, from, ws.end(i - 1));
        }
        if (i + 1 >= ws.size() - 1 && i <= ws.size() - 1 && ws.is(i, Lexicon.REPORTING_VERB)) {
          int comma = a.text.lastIndexOf(',', ws.start(i));
          if (comma > from) {
            Speaker sp = a.speakerIn(comma + 1, ws.start(i), true);
            return quote(a, sp, from, comma);
          }
        }
        // "SUBJECT said (on Saturday) (that) CLAUSE."
        if (i <= 12 && ws.is(i, Lexicon.REPORTING_VERB)) {
          Speaker sp = a.subjectBefore(from, ws.start(i));
          if (sp == null) {
            return null;
          }
          int start = ws.end(i);
          for (int k = i + 1; k < Math.min(ws.size(), i + 6); k++) {
            if (ws.is(k, Lexicon.THAT)) {
              start = ws.end(k);
              break;
            }
          }
          if (ws.is(i, Lexicon.TOLD) && start == ws.end(i)) {
            return null; // "told reporters" without a clause
          }
          return quote(a, sp, start, end);
        }
      }
      return null;
    }

    private static Quote quote(Article a, Speaker sp, int from, int to) {
      if (sp == null) {
        return null;
      }
      while (from < to && !Character.isLetterOrDigit(a.text.charAt(from))) {
        from++;
      }
      to = trimEnd(a.text, from, to);
      if (a.words.within(from, to).size() < MIN_REPORTED_WORDS) {
        return null;
      }
      return new Quote(from, to, Quote.Kind.REPORTED, sp);
    }

    private static int trimEnd(String text, int from, int to) {
      while (to > from && !Character.isLetterOrDigit(text.charAt(to - 1))) {
        to--;
      }
      return to;
    }
  }
}
