package dev.refrain.quote;

import java.util.List;

/** Splits a text into sentences, never inside a quote; see {@link QuoteFinder}. */
final class Sentences {
  private Sentences() {}

  /**
   * The sentence starts of {@code text}, ascending, the first 0. A sentence ends at a line break,
   * or after . ! ? (outside quotes; or a closing mark right after one) followed by space and a
   * capital letter, a digit or an opening mark.
   */
  static int[] starts(String text, boolean[] masked, List<int[]> marks) {
    return starts(text, text.toCharArray(), masked, marks);
  }

  /** {@link #starts(String, boolean[], List)} with the text's characters in {@code chars}. */
  static int[] starts(String text, char[] chars, boolean[] masked, List<int[]> marks) {
    int[] out = new int[16];
    int found = 1; // out[0] is 0
    boolean[] closeAfterStop = new boolean[text.length() + 1];
    for (int[] m : marks) {
      if (m[3] > m[2] && m[2] > m[1] && ".!?".indexOf(chars[m[2] - 1]) >= 0) {
        closeAfterStop[m[3] - 1] = true;
      }
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c == '\n' && !masked[i]) {
        int j = i + 1;
        while (j < n && Character.isWhitespace(chars[j])) {
          j++;
        }
        if (j < n && j > out[found - 1]) {
          out = add(out, found++, j);
        }
        i = j - 1;
        continue;
      }
      boolean stop = ((c == '.' || c == '!' || c == '?') && !masked[i]) || closeAfterStop[i];
      if (!stop) {
        continue;
      }
      int j = i + 1;
      while (j < n && (chars[j] == '”' || chars[j] == '"' || chars[j] == '»'
          || chars[j] == ')') && !masked[j]) {
        j++;
      }
      if (j >= n || !Character.isWhitespace(chars[j])) {
        continue;
      }
      int k = j;
      while (k < n && Character.isWhitespace(chars[k])) {
        k++;
      }
      if (k < n) {
        char d = chars[k];
        if (Character.isUpperCase(d) || Character.isDigit(d) || "“„«‘\"「『".indexOf(d) >= 0) {
          if (!endsAbbreviation(text, i) && k > out[found - 1]) {
            out = add(out, found++, k);
          }
        }
      }
    }
    return java.util.Arrays.copyOf(out, found);
  }

  /** {@code out} with {@code at} set to {@code value}, grown when full. */
  private static int[] add(int[] out, int at, int value) {
    if (at == out.length) {
      out = java.util.Arrays.copyOf(out, 2 * at);
    }
    out[at] = value;
    return out;
  }

  /** Whether the stop at {@code i} ends an abbreviation or initial ("Mr.", "D. Kritenbrink"). */
  static boolean endsAbbreviation(String text, int i) {
    if (text.charAt(i) != '.') {
      return false;
    }
    int s = i;
    boolean ascii = true;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
      s--;
      ascii &= text.charAt(s) < 0x80;
    }
    if (i - s == 1 && Character.isUpperCase(text.charAt(s))) {
      return true;
    }
    int kind =
        ascii
            ? Lexicon.kind(text, s, i + 1, true)
            : Lexicon.kind(Lexicon.lower(text.substring(s, i)) + ".");
    return (kind & Lexicon.ABBREVIATION) != 0;
  }
}
