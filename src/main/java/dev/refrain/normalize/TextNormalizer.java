package dev.refrain.normalize;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Words come from Lucene's {@link StandardTokenizer} (Unicode UAX #29 word breaks: Latin,
 * Cyrillic, Arabic and other alphabetic scripts split at word boundaries; Chinese and Japanese
 * ideographs become one word each). Each word is then normalized on its own, so offsets always
 * point back into the original text: Unicode NFKC, curly quotes, apostrophes and dashes folded to
 * ASCII, Arabic letter variants and non-ASCII decimal digits folded, and case folded with {@link
 * Locale#ROOT}. Punctuation and white space are not words.
 *
 * <p>Each word comes out as its seeded 64-bit {@link Hash64} and its offsets ({@link Tokens}),
 * never as a string per word. Instances are immutable and thread-safe; the Lucene analyzer is
 * created lazily per JVM, so a normalizer can be serialized to a distributed job.
 */
public final class TextNormalizer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Recorded in reports and indexes; bump whenever {@link #normalizeTerm} changes its output. */
  public static final String VERSION = "nfkc-fold-lower/2";

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
   * Splits {@code text} into normalized words: each word's hash and offsets. A word in ASCII
   * (most words of English news) is normalized in the tokenizer's buffer and hashed from it: no
   * string is made for it.
   */
  public Tokens tokenize(String text) {
    int capacity = Math.max(16, text.length() / 5);
    long[] hashes = new long[capacity];
    int[] starts = new int[capacity];
    int[] ends = new int[capacity];
    int n = 0;
    try (TokenStream stream = analyzer().tokenStream("text", new StringReader(spaced(text)))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (n == hashes.length) {
          int grown = hashes.length * 2;
          hashes = Arrays.copyOf(hashes, grown);
          starts = Arrays.copyOf(starts, grown);
          ends = Arrays.copyOf(ends, grown);
        }
        hashes[n] = Hash64.hash(term.buffer(), 0, term.length(), seed);
        starts[n] = offset.startOffset();
        ends[n] = offset.endOffset();
        n++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string failed", e);
    }
    return new Tokens(
        Arrays.copyOf(hashes, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
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
