package dev.refrain.quote;

import dev.refrain.normalize.Tokens;
import java.io.Serializable;
import java.util.Objects;

/**
 * One quote of one article as the quote families are built from it.
 *
 * @param article the article's number in its scan or batch
 * @param quote the quote, its offsets into the article's text
 * @param text the quoted words, {@code articleText.substring(quote.start(), quote.end())}
 * @param words the article's normalized words inside the quote, with offsets into the article's
 *     text (what {@link dev.refrain.diff.VariantDiffer} diffs)
 */
public record Rendering(int article, Quote quote, String text, Tokens words) implements Serializable {
  public Rendering {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(words, "words");
  }

  /**
   * The quotes of an article as renderings: each with the article's words that lie inside it
   * (words from {@code tokens}, the article's normalized words).
   */
  public static java.util.List<Rendering> of(
      int article, String text, Tokens tokens, QuoteFinder.Found found) {
    return of(article, text, tokens, found.quotes());
  }

  /**
   * The quotes of an article as renderings without their words (an empty {@link #words()}): what
   * grouping reads, a few hundred bytes a quote less while a large scan holds every article's;
   * {@link QuoteGrouper.WordsOf} gives the members of families their words.
   */
  public static java.util.List<Rendering> withoutWords(
      int article, String text, java.util.List<Quote> quotes) {
    java.util.List<Rendering> out = new java.util.ArrayList<>(quotes.size());
    for (Quote q : quotes) {
      out.add(new Rendering(article, q, text.substring(q.start(), q.end()), NO_WORDS));
    }
    return out;
  }

  private static final Tokens NO_WORDS = new Tokens(new long[0], new int[0], new int[0]);

  /** The quotes of an article as renderings (see the other {@code of}). */
  public static java.util.List<Rendering> of(
      int article, String text, Tokens tokens, java.util.List<Quote> quotes) {
    java.util.List<Rendering> out = new java.util.ArrayList<>(quotes.size());
    for (Quote q : quotes) {
      int from = tokens.wordAtOrAfter(q.start());
      int to = from;
      while (to < tokens.size() && tokens.end(to) <= q.end()) {
        to++;
      }
      int[] starts = new int[to - from];
      int[] ends = new int[to - from];
      for (int i = from; i < to; i++) {
        starts[i - from] = tokens.start(i);
        ends[i - from] = tokens.end(i);
      }
      out.add(
          new Rendering(
              article, q, text.substring(q.start(), q.end()),
              new Tokens(tokens.hashes(from, to), starts, ends)));
    }
    return out;
  }
}
