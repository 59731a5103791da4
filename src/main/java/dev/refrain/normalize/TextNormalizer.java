package dev.refrain.normalize;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits text into normalized words, keeping each word's offsets in the original text.
 *
 * <p>Words are those of Lucene's {@link StandardTokenizer} (Unicode UAX #29 word breaks, at most
 * 255 characters: Latin, Cyrillic, Arabic and other alphabetic scripts split at word boundaries;
 * Chinese and Japanese ideographs become one word each), with no-break spaces read as spaces.
 * Each word is then normalized on its own, so offsets always point back into the original text:
 * Unicode NFKC, curly quotes, apostrophes and dashes folded to ASCII, Arabic letter variants and
 * non-ASCII decimal digits folded, and case folded with {@link Locale#ROOT}. Punctuation and white
 * space are not words.
 *
 * <p>Two readers make these words. The text is cut into chunks at white space (tab, LF, VT, FF,
 * CR, space and the no-break spaces). A chunk of plain text (Latin-1 letters, digits and
 * punctuation, typographic quotes and dashes: almost every chunk of English and Western European
 * news) is read by {@link FastWordScanner}, which applies the tokenizer's rules and the
 * normalization by hand and hashes each word as it reads it. Any other chunk goes to the Lucene
 * chain, with the chunks after it up to the next stretch of plain text worth a call of its own
 * ({@link #PLAIN_STRETCH}), in one call whose offsets are shifted to the chunk's start.
 *
 * <p>Cutting at white space changes no word. The tokenizer is a longest-match scanner: at each
 * position it takes the longest match of its rules, or skips one character. Every rule starts
 * with, and continues only with, characters that are not white space (letters, digits, {@code _},
 * mid-word punctuation, emoji, and the Extend, Format and ZWJ characters that WB4 attaches to
 * them), so no match holds white space: the scanner starts a match at each white space character
 * and skips it, whatever came before. What it matches from a position depends only on the text
 * from there to the next white space, since the 255-character window a match is cut to (254 when
 * the 255th is a high surrogate) starts at the match. Extend, Format or ZWJ characters after a
 * space, which WB4 attaches to the space, and CR LF (WB3) are no words either way. One exception
 * comes from the scanner's buffering, not its rules: when a read ends at the end of its input
 * with a high surrogate, it stops at once, dropping the rest of what it read. So a Lucene call
 * reads the white space after its chunks too, and a text that ends with a high surrogate goes to
 * Lucene whole. The tests compare the two readers on every test text, the seeds, Reuters-21578
 * and random and fuzzed strings ({@link #tokenizeWithLucene} is the Lucene-only reader).
 *
 * <p>Each word comes out as its seeded 64-bit {@link Hash64} and its offsets ({@link Tokens}):
 * no string is made per word of plain text, nor per ASCII word Lucene reads. Instances are
 * immutable and thread-safe: a call keeps its state in locals and its own arrays (or those of the
 * {@link TokenBuffer} its thread passes), and the Lucene analyzer, created lazily per JVM (so a
 * normalizer can be serialized to a distributed job), keeps one chain per thread.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Recorded in reports and indexes; bump whenever {@link #normalizeTerm} changes its output. */
  public static final String VERSION = "nfkc-fold-lower/2";

  /**
   * Plain text shorter than this, between two chunks that Lucene must read, is read by Lucene in
   * the same call: a call costs about 200 ns, and Lucene reads plain text about 6 ns a character
   * slower than the fast path, so about 32 characters cost as much as one more call.
   */
  static final int PLAIN_STRETCH = 32;

  private final long seed;
  private transient volatile Analyzer analyzer;

  /** A normalizer hashing words with {@link Hash64#DEFAULT_SEED}. */
  public TextNormalizer() {
    this(Hash64.DEFAULT_SEED);
  }

  /** A normalizer hashing words with {@code seed}. */
  public TextNormalizer(long seed) {
    this.seed = seed;
  }

  /** The seed words are hashed with. */
  public long seed() {
    return seed;
  }

  /**
   * Splits {@code text} into normalized words: each word's hash and offsets. The same words,
   * hashes and offsets as {@link #tokenizeWithLucene}, several times faster on plain text (see the
   * class comment). Nothing is allocated per word of plain text.
   */
  public Tokens tokenize(String text) {
    return tokenize(text, new TokenBuffer(text.length()));
  }

  /**
   * {@link #tokenize(String)} with the working arrays of {@code buffer}, which a thread keeps
   * from one text to the next: the same words, and nothing allocated but them.
   */
  public Tokens tokenize(String text, TokenBuffer buffer) {
    if (endsWithHighSurrogate(text)) {
      return tokenizeWithLucene(text);
    }
    TokenSink sink = buffer.emptySink();
    read(buffer.withSpaceAfter(text), text.length(), sink);
    return sink.toTokens();
  }

  /**
   * How many characters of {@code text} {@link #tokenize} hands to Lucene: the share of text the
   * fast path does not read, for tests and measurements.
   */
  int charactersReadByLucene(String text) {
    if (endsWithHighSurrogate(text)) {
      return text.length();
    }
    char[] chars = new TokenBuffer(text.length()).withSpaceAfter(text);
    return read(chars, text.length(), new TokenSink(16));
  }

  /**
   * Whether the text's last character is a high surrogate. Lucene's scanner stops at once when a
   * read of its input ends with one at the input's end, dropping the words of that read wherever
   * the reads fell: only the whole text through Lucene gives the same words.
   */
  private static boolean endsWithHighSurrogate(String text) {
    return !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1));
  }

  /**
   * Adds the words of {@code chars[0, n)} to {@code sink}: plain chunks by the fast path, the
   * others by Lucene. Returns how many characters went to Lucene.
   */
  private int read(char[] chars, int n, TokenSink sink) {
    int readByLucene = 0;
    int i = 0;
    while (i < n) {
      // Plain chunks, read once by the fast path, up to the first chunk it cannot read.
      int from = FastWordScanner.scan(chars, n, i, seed, sink);
      if (from == n) {
        break;
      }
      // That chunk and the ones after it, up to plain text worth a call of its own, to Lucene.
      i = endOfLuceneRun(chars, n, from);
      luceneRange(chars, n, from, i, sink);
      readByLucene += i - from;
    }
    return readByLucene;
  }

  /**
   * The end of the chunks from {@code from} that go to Lucene in one call: the chunks up to the
   * first plain chunk (one {@link FastWordScanner} reads) after which no chunk for Lucene starts
   * within {@link #PLAIN_STRETCH} characters. Makes the no-break spaces among them spaces, as
   * Lucene must read them.
   */
  private static int endOfLuceneRun(char[] chars, int n, int from) {
    int to = from;
    int slowAhead = -1; // a character only Lucene reads, known to lie ahead
    int i = from;
    while (i < n) {
      int k = FastWordScanner.classOf(chars[i]);
      if (k == FastWordScanner.SPACE) {
        if (isNoBreakSpace(chars[i])) {
          chars[i] = ' ';
        }
        i++;
        continue;
      }
      int chunk = i;
      int classes = 0;
      do {
        classes |= k;
        k = FastWordScanner.classOf(chars[++i]); // chars[n] is a space
      } while (k != FastWordScanner.SPACE);
      if ((classes & FastWordScanner.SLOW) == 0) {
        if (slowAhead < chunk) {
          slowAhead = indexOfSlow(chars, i, Math.min(n, chunk + PLAIN_STRETCH));
        }
        if (slowAhead < 0) {
          break;
        }
      }
      to = i;
    }
    return to;
  }

  /** The first index from {@code from} to {@code to} of a character only Lucene reads, or -1. */
  private static int indexOfSlow(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (FastWordScanner.classOf(chars[i]) == FastWordScanner.SLOW) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Adds the words of the chunks from {@code from} to {@code to} to {@code sink}, through Lucene.
   * The white space after them (if any) goes too, so Lucene's last read ends with it: a read
   * ending at a high surrogate, as the chunk's might, makes Lucene's scanner stop (see the class
   * comment).
   */
  private void luceneRange(char[] chars, int n, int from, int to, TokenSink sink) {
    int end = to < n ? to + 1 : to;
    lucene(new CharArrayReader(chars, from, end - from), from, sink);
  }

  /**
   * {@link #tokenize} as it was before the fast path: the whole text through the Lucene chain.
   * Kept to prove the two equal (TokenizerEquivalenceTest, TextNormalizerFuzzTest) and to measure
   * one against the other (TokenizeSpeedTest).
   */
  Tokens tokenizeWithLucene(String text) {
    TokenSink sink = new TokenSink(Math.max(16, text.length() / 5));
    lucene(new StringReader(spaced(text)), 0, sink);
    return sink.toTokens();
  }

  /** Adds the words Lucene finds in {@code text} to {@code sink}, offsets plus {@code shift}. */
  private void lucene(Reader text, int shift, TokenSink sink) {
    try (TokenStream stream = analyzer().tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.add(
            Hash64.hash(term.buffer(), 0, term.length(), seed),
            shift + offset.startOffset(),
            shift + offset.endOffset());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
  }

  /**
   * The normalized words of {@code text} as strings, in order: what {@link #tokenize} hashes.
   * For evaluation, baselines and tests; the detection path uses {@link #tokenize}.
   */
  public List<String> words(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer().tokenStream("text", new StringReader(spaced(text)))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
    return out;
  }

  /**
   * The text with no-break spaces (U+00A0, U+2007, U+202F, as French typesetting puts before
   * {@code : ; ! ?} and inside guillemets and numbers) made ordinary spaces. UAX #29 joins them
   * to the neighbouring word, so "dit\u202F:" would be the word "dit ". One character for one:
   * offsets are unchanged.
   */
  private static String spaced(String text) {
    if (text.indexOf('\u00A0') < 0 && text.indexOf('\u2007') < 0 && text.indexOf('\u202F') < 0) {
      return text;
    }
    return text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ');
  }

  /** Whether {@code c} is one of the no-break spaces that {@link #spaced} makes spaces. */
  private static boolean isNoBreakSpace(char c) {
    return c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  /**
   * Normalizes one word as {@link #tokenize} does: NFKC, quotes, apostrophes and dashes folded,
   * lower case with {@link Locale#ROOT}. Idempotent: {@code normalizeTerm(normalizeTerm(w))}
   * equals {@code normalizeTerm(w)}. (Arabic and digit folding happen in the analyzer chain.)
   */
  public static String normalizeTerm(String word) {
    String s = Normalizer.normalize(word, Normalizer.Form.NFKC);
    s = fold(s);
    s = s.toLowerCase(Locale.ROOT);
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
    return s;
  }

  private static String fold(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char f = foldChar(c);
      if (f != c) {
        if (out == null) {
          out = new StringBuilder(s);
        }
        out.setCharAt(i, f);
      }
    }
    return out == null ? s : out.toString();
  }

  private static char foldChar(char c) {
    switch (c) {
      case '\u2018': // left single quotation mark
      case '\u2019': // right single quotation mark, the usual typographic apostrophe
      case '\u201A':
      case '\u201B':
      case '\u2032': // prime
      case '\u02BC': // modifier letter apostrophe
      case '\u0060':
      case '\u00B4':
        return '\'';
      case '\u201C':
      case '\u201D':
      case '\u201E':
      case '\u201F':
      case '\u2033':
      case '\u00AB':
      case '\u00BB':
        return '"';
      case '\u2010':
      case '\u2011':
      case '\u2012':
      case '\u2013':
      case '\u2014':
      case '\u2015':
      case '\u2212':
        return '-';
      default:
        return c;
    }
  }

  private Analyzer analyzer() {
    Analyzer a = analyzer;
    if (a == null) {
      synchronized (this) {
        a = analyzer;
        if (a == null) {
          a = new NormalizingAnalyzer();
          analyzer = a;
        }
      }
    }
    return a;
  }

  /** StandardTokenizer, then Arabic and digit folding, then {@link #normalizeTerm}. */
  private static final class NormalizingAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      StandardTokenizer source = new StandardTokenizer();
      source.setMaxTokenLength(255);
      // NFKC first, so decomposed and presentation forms of Arabic letters fold alike.
      TokenStream chain = new TermNormalizingFilter(source);
      chain = new ArabicNormalizationFilter(chain);
      chain = new DecimalDigitFilter(chain);
      // A lone tatweel is a word to the tokenizer and nothing after Arabic folding: drop it.
      chain = new FilteringTokenFilter(chain) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean accept() {
              return term.length() > 0;
            }
          };
      return new TokenStreamComponents((Tokenizer) source, chain);
    }
  }

  private static final class TermNormalizingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    TermNormalizingFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] buffer = term.buffer();
      int length = term.length();
      boolean ascii = true;
      for (int i = 0; i < length && ascii; i++) {
        ascii = buffer[i] < 0x80;
      }
      if (ascii) {
        // What normalizeTerm does to ASCII (NFKC leaves it alone), in place: no string.
        for (int i = 0; i < length; i++) {
          char c = buffer[i];
          if (c >= 'A' && c <= 'Z') {
            buffer[i] = (char) (c + ('a' - 'A'));
          } else if (c == '`') {
            buffer[i] = '\'';
          }
        }
      } else {
        String normalized = normalizeTerm(term.toString());
        term.setEmpty().append(normalized);
      }
      return true;
    }
  }
}
