package dev.refrain.quote;

import java.util.ArrayList;
import java.util.List;

/** Finds the top-level quotation marks of a text; see {@link QuoteFinder}. */
final class Marks {
  private Marks() {}

  /**
   * The top-level quotes of {@code text}: {@code {open, contentStart, contentEnd, closeEnd}}, the
   * content trimmed of spaces and trailing commas, semicolons and colons; {@code closeEnd} is
   * past the closing mark, or the paragraph end for a quote left open. Quotes without a letter or
   * digit are left out.
   */
  static List<int[]> find(String text) {
    return find(text, text.toCharArray());
  }

  /** {@link #find(String)} with the text's characters in {@code chars}. */
  static List<int[]> find(String text, char[] chars) {
    List<int[]> out = new ArrayList<>();
    StringBuilder closers = new StringBuilder(); // per open mark, one char: its closer class
    int open = -1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (!markOrBreak(c)) {
        continue; // neither opens nor closes a quote
      }
      if (c == '\n' && closers.length() > 0 && paragraphEnds(text, i)) {
        add(out, text, open, open + 1, i, i);
        closers.setLength(0);
        continue;
      }
      int depth = closers.length();
      int closing = depth == 0 ? -1 : closes(text, i, closers);
      if (closing >= 0) {
        closers.setLength(closing);
        if (closing == 0) {
          add(out, text, open, open + 1, i, i + 1);
        }
        continue;
      }
      char expect = opens(text, i);
      if (expect != 0) {
        if (depth == 0) {
          open = i;
        }
        closers.append(expect);
      }
    }
    if (closers.length() > 0) {
      add(out, text, open, open + 1, n, n);
    }
    return out;
  }

  /** Whether {@code c} is a line break or a quotation mark {@link #opens} or {@link #closes} reads. */
  private static boolean markOrBreak(char c) {
    if (c < 0x80) {
      return c == '\n' || c == '"';
    }
    return switch (c) {
      case '\n', '"', '“', '”', '„', '«', '»', '「', '」', '『', '』', '‘', '’' -> true;
      default -> false;
    };
  }

  /** A quote left open ends at a blank line, or at a line break after sentence punctuation. */
  private static boolean paragraphEnds(String text, int newline) {
    if (newline + 1 < text.length() && text.charAt(newline + 1) == '\n') {
      return true;
    }
    int j = newline - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\r' || text.charAt(j) == '\t')) {
      j--;
    }
    return j < 0 || ".!?:".indexOf(text.charAt(j)) >= 0;
  }

  /** The closer class a mark at {@code i} opens, or 0: {@code d} ” (or “ after „), {@code g} », ... */
  private static char opens(String text, int i) {
    char c = text.charAt(i);
    return switch (c) {
      case '“' -> '”';
      case '„' -> 'L'; // closed by “ or ”
      case '«' -> '»';
      case '「' -> '」';
      case '『' -> '』';
      case '‘' -> !letterOrDigitAt(text, i - 1) ? '’' : 0;
      case '"' -> !letterOrDigitAt(text, i - 1) ? '"' : 0;
      default -> 0;
    };
  }

  /**
   * The depth the mark at {@code i} closes to (the open marks left), or -1 when it closes none:
   * a closer matching an open mark closes it and every mark opened inside it.
   */
  private static int closes(String text, int i, StringBuilder closers) {
    char c = text.charAt(i);
    if (c == '’' && letterOrDigitAt(text, i + 1)) {
      return -1; // an apostrophe: China’s
    }
    for (int k = closers.length() - 1; k >= 0; k--) {
      char want = closers.charAt(k);
      boolean match = want == 'L' ? c == '“' || c == '”' : want == c;
      if (match) {
        if (c == '"' && k == closers.length() - 1 && letterOrDigitAt(text, i - 1) == false
            && letterOrDigitAt(text, i + 1)) {
          return -1; // a straight mark opening a word: a new quote, not a close
        }
        return k;
      }
    }
    return -1;
  }

  private static boolean letterOrDigitAt(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }

  private static void add(List<int[]> out, String text, int open, int from, int to, int closeEnd) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || ",;:".indexOf(text.charAt(to - 1)) >= 0)) {
      to--;
    }
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        out.add(new int[] {open, from, to, closeEnd});
        return;
      }
    }
  }
}
