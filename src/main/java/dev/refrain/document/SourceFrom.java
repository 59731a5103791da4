package dev.refrain.document;

/** Where the loader takes an article's {@linkplain Article#source() source} from. */
public enum SourceFrom {
  /**
   * From the article itself: a JSON record's {@code source} field, an HTML page's {@code
   * og:site_name} meta property, nothing for a text or Markdown file.
   */
  FIELD,
  /**
   * From the folder the file sits in: the folder's path relative to the scanned folder, with {@code
   * /} separators ({@code reuters/2023} for {@code corpus/reuters/2023/a.txt} when {@code corpus}
   * is scanned), the scanned folder's own name for a file directly in it, and the name of the
   * parent folder for a file named on its own. This replaces an HTML page's {@code og:site_name}; a
   * JSON record's own {@code source} field still wins when it has one, since one JSON Lines file
   * may hold articles from many sources.
   */
  FOLDER
}
