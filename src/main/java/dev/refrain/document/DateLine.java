package dev.refrain.document;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date a text file gives on a line of its own at its top: one of its first three
 * lines that are not blank, holding only a date, optionally after {@code Published:} or {@code
 * Date:}. ISO 8601 ({@code 2023-06-17}, {@code 2023-06-17T08:30:00Z}, {@code 2023-06-17 08:30})
 * is kept as written; {@code June 17, 2023} and {@code 17 June 2023} become {@code 2023-06-17}.
 * The line stays in the article's text.
 */
public final class DateLine {
  private DateLine() {}

  private static final Pattern PREFIX =
      Pattern.compile("^(?:published|date|posted)\\s*:?\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern ISO =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

  private static final List<String> MONTHS =
      List.of(
          "january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december");

  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(\\p{L}+)\\.? (\\d{1,2}),? (\\d{4})");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2}) (\\p{L}+)\\.?,? (\\d{4})");

  /** The date of {@code text}'s date line, or null when its top holds none. */
  public static String published(String text) {
    int seen = 0;
    int from = 0;
    while (seen < 3 && from < text.length()) {
      int nl = text.indexOf('\n', from);
      int to = nl < 0 ? text.length() : nl;
      String line = text.substring(from, to).strip();
      from = to + 1;
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (line.length() > 60) {
        continue;
      }
      String date = date(PREFIX.matcher(line).replaceFirst(""));
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  private static String date(String s) {
    if (ISO.matcher(s).matches()) {
      return s;
    }
    Matcher m = MONTH_DAY_YEAR.matcher(s);
    if (m.matches()) {
      return iso(m.group(3), m.group(1), m.group(2));
    }
    m = DAY_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      return iso(m.group(3), m.group(2), m.group(1));
    }
    return null;
  }

  private static String iso(String year, String monthName, String day) {
    String name = monthName.toLowerCase(Locale.ROOT);
    for (int i = 0; i < MONTHS.size(); i++) {
      String full = MONTHS.get(i);
      if (name.equals(full) || (name.length() >= 3 && full.startsWith(name))) {
        int d = Integer.parseInt(day);
        return d < 1 || d > 31 ? null : String.format(Locale.ROOT, "%s-%02d-%02d", year, i + 1, d);
      }
    }
    return null;
  }
}
