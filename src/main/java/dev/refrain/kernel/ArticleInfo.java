package dev.refrain.kernel;

import dev.refrain.document.Article;
import dev.refrain.template.Templates;

/**
 * What a run keeps of every article besides its fingerprints: its metadata, the length of its
 * text and its number of words.
 *
 * @param chars length of the text in UTF-16 code units
 * @param words number of normalized words
 * @param sourceKey {@link Templates#sourceKey} of the source
 * @param repetitiveWords words in text the article repeats too often to locate anything ({@link
 *     dev.refrain.align.RepetitiveText}), compared with nothing
 */
public record ArticleInfo(
    String id,
    String path,
    String source,
    String title,
    String published,
    int chars,
    int words,
    long sourceKey,
    int repetitiveWords) {

  /** What a run keeps of a prepared article (also where a distributed job prepares it). */
  public static ArticleInfo of(PreparedArticle p) {
    Article a = p.article();
    return new ArticleInfo(
        a.id(), a.path(), a.source(), a.title(), a.published(), a.text().length(),
        p.tokens().size(), p.sourceKey(), p.repetitive().words());
  }
}
