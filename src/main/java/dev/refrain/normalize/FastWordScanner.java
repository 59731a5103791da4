package dev.refrain.normalize;

/**
 * Finds and hashes the words of plain text by hand, exactly as {@link TextNormalizer}'s Lucene
 * chain does, several times faster. Plain text is made of Latin-1 (ASCII and the letters of
 * Western European languages) and the dashes, quotes, bullet, ellipsis and euro sign of General
 * Punctuation; see {@link #entry} for the exact set.
 *
 * <p>Lucene's {@code StandardTokenizer} (a JFlex scanner of UAX #29 word breaks, Unicode 9)
 * takes, at each position, the longest match of its rules and skips one character where none
 * matches. On plain text its rules come down to these classes, each checked against Lucene
 * ({@code FastWordScannerTest}):
 *
 * <ul>
 *   <li>word characters: letters {@code A-Z a-z} and {@code À-ÿ} but {@code × ÷} (ALetter),
 *       digits {@code 0-9} (Numeric) and {@code _} (ExtendNumLet). A word is a run of them holding
 *       a letter or a digit: {@code a_1}, {@code _a} and {@code a__} are words, {@code _} and
 *       {@code __} are not;
 *   <li>{@code :} (MidLetter) joins two letters: {@code a:b} is one word, {@code 1:2} two;
 *   <li>{@code ,} and {@code ;} (MidNum) join two digits: {@code 1,000} is one word, {@code a,b}
 *       two;
 *   <li>{@code .}, {@code '} (MidNumLet, Single_Quote) and {@code ‘ ’} (MidNumLet) join two
 *       letters or two digits: {@code U.S}, {@code 3.5}, {@code don't}, {@code Blinken’s}; but
 *       not a letter and a digit ({@code a.1} is two words) nor an underscore ({@code a_.b} is
 *       {@code a_} and {@code b});
 *   <li>white space ({@link #SPACE}) and every other plain character (control characters,
 *       {@code " `}, {@code « » ¿ ×}, {@code “ ” – — …}) ends a word and is no word.
 * </ul>
 *
 * <p>A word is at most 255 characters, the tokenizer's limit, and is cut as the tokenizer cuts
 * it: its scanner sees only the 255 characters from the word's start, so the word is the longest
 * match inside them (300 letters are a word of 255 and one of 45; 254 letters then {@code .b} are
 * a word of 254 and the word {@code b}), and the next word starts where it ends.
 *
 * <p>The words are normalized as the chain normalizes them: letters lower-cased ({@code A-Z} and
 * {@code À-Þ} to {@code a-z} and {@code à-þ}; {@code ß} and {@code ÿ} stay), {@code ‘ ’} folded to
 * {@code '}. NFKC changes none of these characters, nor do Arabic and decimal-digit folding; the
 * Latin-1 characters NFKC changes ({@code ª µ º}) are not plain. Each word is hashed while it is
 * read ({@link Hash64#begin}, {@link Hash64#step}, {@link Hash64#finish}), so nothing is allocated
 * per word.
 */
final class FastWordScanner {
  /** The longest word, in characters: {@code StandardTokenizer}'s default maximum token length. */
  static final int MAX_WORD_LENGTH = 255;

  /** ALetter. */
  static final int LETTER = 1;

  /** Numeric. */
  static final int DIGIT = 2;

  /** ExtendNumLet ({@code _}): joins anything to a letter or digit, starts and ends words. */
  static final int UNDERSCORE = 4;

  /** The classes a word is made of. */
  static final int WORD = LETTER | DIGIT | UNDERSCORE;

  /** Joins two letters (MidLetter, MidNumLet, Single_Quote); shifted right by 3, LETTER. */
  static final int JOINS_LETTERS = 8;

  /** Joins two digits (MidNum, MidNumLet, Single_Quote); shifted right by 3, DIGIT. */
  static final int JOINS_DIGITS = 16;

  /**
   * White space: tab, LF, VT, FF, CR, space and the no-break spaces U+00A0, U+2007, U+202F that
   * TextNormalizer makes spaces. No word holds it or starts with it, so text may be split there.
   */
  static final int SPACE = 32;

  /** A character this scanner does not read: its chunk of text goes to Lucene. */
  static final int SLOW = 64;

  /** The bits of an {@link #entry} that hold the class; the bits above hold the folded form. */
  private static final int CLASS = 0xFF;

  /** {@link #entry} of each Latin-1 character. */
  private static final int[] LATIN1 = new int[256];

  static {
    for (char c = 0; c < 256; c++) {
      LATIN1[c] = c << 8;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      LATIN1[c] |= LETTER;
      LATIN1[c - 'a' + 'A'] = c << 8 | LETTER;
    }
    for (char c = '\u00DF'; c <= '\u00FF'; c++) {
      if (c != '\u00F7') {
        LATIN1[c] |= LETTER;
      }
    }
    for (char c = '\u00C0'; c <= '\u00DE'; c++) {
      if (c != '\u00D7') {
        LATIN1[c] = (c + ('a' - 'A')) << 8 | LETTER;
      }
    }
    for (char c = '0'; c <= '9'; c++) {
      LATIN1[c] |= DIGIT;
    }
    LATIN1['_'] |= UNDERSCORE;
    LATIN1[':'] |= JOINS_LETTERS;
    LATIN1[','] |= JOINS_DIGITS;
    LATIN1[';'] |= JOINS_DIGITS;
    LATIN1['.'] |= JOINS_LETTERS | JOINS_DIGITS;
    LATIN1['\''] |= JOINS_LETTERS | JOINS_DIGITS;
    for (char c : new char[] {'\t', '\n', '\u000B', '\u000C', '\r', ' ', '\u00A0'}) {
      LATIN1[c] = SPACE;
    }
    // C1 controls (U+0085 is a Newline) and what is not Other: © ® (emoji), soft hyphen (Format),
    // middle dot (MidLetter); and ª µ º, letters that NFKC changes.
    for (char c = '\u0080'; c <= '\u009F'; c++) {
      LATIN1[c] = SLOW;
    }
    for (char c : "\u00A9\u00AE\u00AD\u00B7\u00AA\u00B5\u00BA".toCharArray()) {
      LATIN1[c] = SLOW;
    }
  }

  private FastWordScanner() {}

  /** The class of {@code c}: one of, or a combination of, the constants above; 0 for no word. */
  static int classOf(char c) {
    return entry(c) & CLASS;
  }

  /**
   * The class of {@code c} in the low 8 bits and, for a character that may be part of a word, its
   * normalized form above them: letters lower-cased, {@code ‘ ’} as {@code '}. Plain characters are
   * Latin-1 but the {@link #SLOW} ones above, and the following of General Punctuation.
   */
  private static int entry(char c) {
    return c < 256 ? LATIN1[c] : beyondLatin1(c);
  }

  private static int beyondLatin1(char c) {
    if (c < '\u2007' || c > '\u20AC') {
      return SLOW; // the letters of other scripts, without the search of a switch
    }
    switch (c) {
      case '\u2018': // left single quotation mark: MidNumLet
      case '\u2019': // right single quotation mark, the typographic apostrophe: MidNumLet
        return '\'' << 8 | JOINS_LETTERS | JOINS_DIGITS;
      case '\u2007': // figure space, made a space by TextNormalizer
      case '\u202F': // narrow no-break space, likewise
        return SPACE;
      case '\u2010': // hyphen, and the other dashes: Other
      case '\u2011':
      case '\u2012':
      case '\u2013':
      case '\u2014':
      case '\u2015':
      case '\u201A': // single and double low and high quotation marks: Other
      case '\u201B':
      case '\u201C':
      case '\u201D':
      case '\u201E':
      case '\u201F':
      case '\u2022': // bullet: Other
      case '\u2026': // horizontal ellipsis: Other
      case '\u2039': // single angle quotation marks: Other
      case '\u203A':
      case '\u20AC': // euro sign: Other
        return 0;
      default:
        return SLOW;
    }
  }

  /**
   * Adds the words of {@code text[0, n)} from {@code from}, the start of a chunk (the text's start
   * or just after a {@link #SPACE}), to {@code sink}, hashed with {@code seed}, up to the text's
   * end or up to the first chunk holding a {@link #SLOW} character, whichever comes first. {@code
   * text[n]} must be a {@link #SPACE}: it ends the last word without a bounds check per character.
   *
   * @return {@code n} if it got there; else the start of that chunk, whose words it has taken
   *     back out of the sink
   */
  static int scan(char[] text, int n, int from, long seed, TokenSink sink) {
    int chunk = from;
    int chunkWords = sink.size();
    int i = from;
    while (i < n) {
      int e = entry(text[i]);
      if ((e & WORD) == 0) {
        if (e == SPACE) {
          chunk = i + 1;
          chunkWords = sink.size();
        } else if (e == SLOW) {
          sink.truncate(chunkWords);
          return chunk;
        }
        i++;
        continue;
      }
      int start = i;
      long h = Hash64.begin(seed);
      while ((e & CLASS) == UNDERSCORE) {
        h = Hash64.step(h, '_');
        e = entry(text[++i]);
      }
      if ((e & (LETTER | DIGIT)) == 0) {
        continue; // underscores that no letter or digit follows: no word starts in them
      }
      while (true) {
        if ((e & WORD) != 0) {
          h = Hash64.step(h, (char) (e >>> 8));
          e = entry(text[++i]);
        } else if ((e & (JOINS_LETTERS | JOINS_DIGITS)) != 0) {
          // A mid character is in the word only between two letters (or two digits) it joins.
          int before = entry(text[i - 1]) & CLASS;
          int after = entry(text[i + 1]);
          if ((after & CLASS) != before || (e >>> 3 & before & (LETTER | DIGIT)) == 0) {
            break;
          }
          h = Hash64.step(h, (char) (e >>> 8));
          h = Hash64.step(h, (char) (after >>> 8));
          i += 2;
          e = entry(text[i]);
        } else {
          break;
        }
      }
      if (i - start <= MAX_WORD_LENGTH) {
        sink.add(Hash64.finish(h, i - start), start, i);
      } else {
        i = longWord(text, n, start, seed, sink);
      }
    }
    return n;
  }

  /**
   * Adds the first word from {@code start}, where a run of word characters longer than {@link
   * #MAX_WORD_LENGTH} starts, as the tokenizer cuts it; returns where the next word may start.
   * The tokenizer's scanner sees only the 255 characters from a word's start, so the word is the
   * longest match inside them; underscores before a letter or digit outside them start no word.
   */
  private static int longWord(char[] text, int n, int start, long seed, TokenSink sink) {
    int i = start;
    while (true) {
      start = i;
      int limit = Math.min(n, start + MAX_WORD_LENGTH);
      long h = Hash64.begin(seed);
      int e = entry(text[i]);
      while ((e & CLASS) == UNDERSCORE) {
        h = Hash64.step(h, '_');
        if (++i == limit) {
          break;
        }
        e = entry(text[i]);
      }
      if (i == limit || (e & (LETTER | DIGIT)) == 0) {
        if (i < limit || limit == n) {
          return i; // underscores that no letter or digit follows
        }
        i = start + 1; // the limit cut the underscores: a word may start at the next one
        continue;
      }
      int previous = 0;
      while (true) {
        int k = e & CLASS;
        if ((k & WORD) != 0) {
          h = Hash64.step(h, (char) (e >>> 8));
          previous = k;
          i++;
        } else if ((k >>> 3 & (LETTER | DIGIT) & previous) != 0 && i + 1 < limit) {
          int after = entry(text[i + 1]);
          if ((after & CLASS) != previous) {
            break;
          }
          h = Hash64.step(h, (char) (e >>> 8));
          h = Hash64.step(h, (char) (after >>> 8));
          i += 2;
        } else {
          break;
        }
        if (i == limit) {
          break;
        }
        e = entry(text[i]);
      }
      sink.add(Hash64.finish(h, i - start), start, i);
      return i;
    }
  }
}
