package dev.refrain.kernel;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the articles sharing a passage most likely ran it first, and why: the rule for pairs
 * and for clusters alike, in this order.
 *
 * <ol>
 *   <li><b>published</b>: every article gives a publication date (an ISO 8601 date or date and
 *       time, as JSON's {@code published}, an HTML page's {@code article:published_time} or
 *       JSON-LD {@code datePublished}, or a text file's date line give it) and one is the
 *       earliest. Dates of one day without a time do not order articles of that day.
 *   <li><b>wire source</b>: exactly one article's source is a wire service (AFP, Reuters, AP,
 *       ...): the agency ran its copy before the outlets reprinting it.
 *   <li><b>wire credit</b>: exactly one article credits a wire service in its first or last
 *       {@value #CREDIT_CHARS} characters, where datelines and credit lines stand ({@code (AFP)},
 *       a {@code Reuters -} dateline, {@code Associated Press}): it is the agency's copy as
 *       distributed; the others rewrote it without the credit.
 *   <li><b>fuller form</b>: one article's side of the shared text holds at least 10% more words
 *       than any other's: copies are cut more often than lengthened, so the fuller form is the
 *       earlier one.
 *   <li>otherwise <b>unknown</b>.
 * </ol>
 */
public final class Direction implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Wire services, by the names their credits and source fields use. */
  private static final List<String> WIRES =
      List.of(
          "AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "Xinhua", "dpa",
          "EFE", "ANSA", "Kyodo", "Yonhap", "TASS", "ANI", "PTI", "IANS", "UPI", "Bernama",
          "Anadolu");

  /** {@code (AFP)} anywhere, {@code Reuters -} opening a line, a spelled-out agency anywhere. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "\\((" + alternatives() + ")\\)|(?m)^[ \\t]*(" + alternatives()
              + ")[ \\t]*[-–—:][ \\t]|\\b(Agence France-Presse|Associated Press)\\b");

  private static String alternatives() {
    return String.join("|", WIRES.stream().map(Pattern::quote).toList());
  }

  /** How far from its start or end an article's wire credit is looked for, in characters. */
  static final int CREDIT_CHARS = 600;

  /** The smallest lead of the fuller form over the next: 10% more words. */
  private static final double FULLER = 1.1;

  /**
   * What is known of one article sharing the text.
   *
   * @param published its publication date as given, or null
   * @param source its source (outlet), or null
   * @param wireCredit the wire credit its text carries ({@link #wireCredit}), or null
   * @param words its words in the shared text
   */
  public record Candidate(String published, String source, String wireCredit, int words) {

    /** A candidate whose wire credit is read from its {@code text}. */
    public static Candidate of(String published, String source, String text, int words) {
      return new Candidate(published, source, Direction.wireCredit(text), words);
    }
  }

  /**
   * The verdict.
   *
   * @param first the index of the candidate that most likely ran the text first, or -1 when
   *     unknown
   * @param basis {@code published}, {@code wire-source}, {@code wire-credit}, {@code fuller-form}
   *     or {@code unknown}
   * @param reason the evidence in words, naming no article: {@code "published 2023-06-17 before
   *     2023-06-18"}
   */
  public record Verdict(int first, String basis, String reason) {
    public boolean known() {
      return first >= 0;
    }
  }

  /** Which of the candidates ran the shared text first. */
  public Verdict earliest(List<Candidate> candidates) {
    Verdict v = byPublished(candidates);
    if (v == null) {
      v = byWire(candidates);
    }
    if (v == null) {
      v = byFullerForm(candidates);
    }
    return v != null
        ? v
        : new Verdict(-1, "unknown", "unknown: no publication dates, wire credit or fuller form tell");
  }

  private static Verdict byPublished(List<Candidate> candidates) {
    List<Comparable<?>> dates = new ArrayList<>();
    for (Candidate c : candidates) {
      Object d = parse(c.published());
      if (d == null) {
        return null;
      }
      dates.add((Comparable<?>) d);
    }
    int best = -1;
    boolean tie = false;
    for (int i = 0; i < candidates.size(); i++) {
      if (best < 0) {
        best = i;
        continue;
      }
      int c = compare(dates.get(i), dates.get(best));
      if (c == 0) {
        tie = true;
      } else if (c < 0) {
        best = i;
        tie = false;
      }
    }
    if (best < 0 || tie) {
      return null;
    }
    String next = null;
    for (int i = 0; i < candidates.size(); i++) {
      if (i != best && (next == null || compare(dates.get(i), parse(next)) < 0)) {
        next = candidates.get(i).published();
      }
    }
    return new Verdict(
        best, "published",
        "published " + candidates.get(best).published().strip() + " before " + next.strip());
  }

  /** A date ({@link LocalDate}) or a date and time ({@link Instant}), or null. */
  static Object parse(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    String s = published.strip();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return java.time.LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Orders two dates; a date against a date and time compares their days (UTC). */
  private static int compare(Object x, Object y) {
    if (x instanceof Instant a && y instanceof Instant b) {
      return a.compareTo(b);
    }
    return day(x).compareTo(day(y));
  }

  private static LocalDate day(Object d) {
    return d instanceof Instant i ? LocalDate.ofInstant(i, ZoneOffset.UTC) : (LocalDate) d;
  }

  private static Verdict byWire(List<Candidate> candidates) {
    int only = -1;
    String wire = null;
    for (int i = 0; i < candidates.size(); i++) {
      String w = wireSource(candidates.get(i).source());
      if (w != null) {
        if (only >= 0) {
          only = -2;
          break;
        }
        only = i;
        wire = w;
      }
    }
    if (only >= 0) {
      return new Verdict(only, "wire-source", "its source is the wire service " + wire);
    }
    only = -1;
    for (int i = 0; i < candidates.size(); i++) {
      String w = candidates.get(i).wireCredit();
      if (w != null) {
        if (only >= 0) {
          return null;
        }
        only = i;
        wire = w;
      }
    }
    return only < 0
        ? null
        : new Verdict(
            only, "wire-credit",
            "it carries the wire credit " + wire + " and "
                + (candidates.size() == 2 ? "the other does" : "the others do") + " not");
  }

  /**
   * Whether {@code text[from, to)} holds the name of a wire service as written: every {@link
   * #CREDIT} match does, so a range without one is passed over without running the pattern.
   */
  private static boolean namesWire(String text, int from, int to) {
    String range = text.substring(from, to);
    for (String w : WIRES) {
      if (range.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** The wire service a source names, or null. */
  static String wireSource(String source) {
    if (source == null) {
      return null;
    }
    String name = source.strip();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String w : WIRES) {
      // a short acronym only as the whole name ("AP"), a longer name also inside one
      // ("Reuters UK", "Thomson Reuters")
      boolean whole = name.equalsIgnoreCase(w);
      boolean inside =
          w.length() > 3
              && Pattern.compile("\\b" + Pattern.quote(w.toLowerCase(Locale.ROOT)) + "\\b")
                  .matcher(lower)
                  .find();
      if (whole || inside) {
        return w;
      }
    }
    return null;
  }

  /**
   * The wire credit a text carries in its first or last {@value #CREDIT_CHARS} characters, as
   * written ({@code (AFP)}), or null.
   */
  public static String wireCredit(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = CREDIT.matcher(text);
    m.region(0, Math.min(text.length(), CREDIT_CHARS));
    if (namesWire(text, 0, Math.min(text.length(), CREDIT_CHARS)) && m.find()) {
      return m.group().strip();
    }
    if (text.length() > CREDIT_CHARS
        && namesWire(text, text.length() - CREDIT_CHARS, text.length())) {
      m.reset();
      // start the tail at a line start so a dateline there is still one
      int from = text.length() - CREDIT_CHARS;
      m.region(from, text.length()).useAnchoringBounds(false);
      if (m.find()) {
        return m.group().strip();
      }
    }
    return null;
  }

  private static Verdict byFullerForm(List<Candidate> candidates) {
    int best = -1;
    int second = -1;
    for (int i = 0; i < candidates.size(); i++) {
      int w = candidates.get(i).words();
      if (best < 0 || w > candidates.get(best).words()) {
        second = best;
        best = i;
      } else if (second < 0 || w > candidates.get(second).words()) {
        second = i;
      }
    }
    if (best < 0 || second < 0) {
      return null;
    }
    int most = candidates.get(best).words();
    int next = candidates.get(second).words();
    if (most < next * FULLER || most - next < 2) {
      return null;
    }
    return new Verdict(
        best, "fuller-form",
        "fuller form: " + most + " words of the shared text against "
            + (candidates.size() == 2 ? "" : "at most ") + next
            + " (copies are cut more often than lengthened)");
  }
}
