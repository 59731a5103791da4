package dev.refrain.template;

import java.io.Serializable;
import java.util.List;

/**
 * One template: text that recurs at the head or tail of many articles of a source (a site
 * footer, a newsletter blurb, a byline block), learned once from document frequencies and
 * reported once, never as pairs.
 *
 * @param text the template as it reads in {@code example}, its canonical carrier
 * @param words words of {@code text}
 * @param sources the sources whose articles carry it, sorted (empty when no article names one)
 * @param articles how many articles carry it
 * @param examples the ids of a few articles carrying it (at most {@value #EXAMPLES}), sorted
 * @param corpusWide true when it is template text for every source: held at the edges of more
 *     articles than any pair may share a fingerprint with, across sources
 * @param scope the {@linkplain Templates#sourceKey source keys} it is template text for, sorted
 *     (0 stands for articles with no source); empty when {@code corpusWide}
 * @param shingles the template's shingle hashes, sorted: masked wherever an article of its scope
 *     holds them
 */
public record Template(
    String text,
    int words,
    List<String> sources,
    int articles,
    List<String> examples,
    boolean corpusWide,
    long[] scope,
    long[] shingles)
    implements Serializable {

  /** Example articles listed per template. */
  public static final int EXAMPLES = 3;

  public Template {
    sources = List.copyOf(sources);
    examples = List.copyOf(examples);
  }
}
