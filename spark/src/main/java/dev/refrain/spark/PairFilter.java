package dev.refrain.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Which candidate pairs the job leaves out before aligning them, on what archives' users ask for
 * ({@code --skip-same-source}, {@code --max-days-apart}): pairs of two articles of one source
 * (articles with no source count as one source, as templates count them; an article's internal
 * repeats are such a pair), and pairs published more than a number of days apart. A date is the
 * first ten characters of {@code published} read as {@code YYYY-MM-DD} (ISO 8601 dates and
 * date-times); an article without one is paired whatever the other's date.
 *
 * @param maxDaysApart the most days between the two articles' dates, or -1 for no limit
 */
record PairFilter(boolean skipSameSource, int maxDaysApart) implements Serializable {
  /** Leaves nothing out. */
  static final PairFilter NONE = new PairFilter(false, -1);

  /** The day of an article without a date it can be read from. */
  static final int NO_DAY = Integer.MIN_VALUE;

  PairFilter {
    if (maxDaysApart < -1) {
      throw new IllegalArgumentException("--max-days-apart must be 0 or more, was " + maxDaysApart);
    }
  }

  /** Whether the filter may leave some pair out (else it is never asked). */
  boolean active() {
    return skipSameSource || maxDaysApart >= 0;
  }

  /** Whether the pair of articles with these {@code Templates.sourceKey}s and days is kept. */
  boolean keeps(long sourceA, int dayA, long sourceB, int dayB) {
    if (skipSameSource && sourceA == sourceB) {
      return false;
    }
    return maxDaysApart < 0
        || dayA == NO_DAY
        || dayB == NO_DAY
        || Math.abs((long) dayA - dayB) <= maxDaysApart;
  }

  /** The day (since 1970-01-01) of {@code published}, or {@link #NO_DAY}. */
  static int day(String published) {
    if (published == null || published.length() < 10) {
      return NO_DAY;
    }
    try {
      return (int) LocalDate.parse(published.substring(0, 10)).toEpochDay();
    } catch (DateTimeParseException e) {
      return NO_DAY;
    }
  }
}
