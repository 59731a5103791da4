package dev.refrain.document;

import java.util.Objects;

/**
 * One article: its text after decoding (and, for HTML, after markup is dropped) and its metadata.
 *
 * <p>All offsets anywhere in refrain are 0-based, end-exclusive UTF-16 code unit offsets into
 * {@link #text()}.
 *
 * @param id unique within one scan or index; for files, the path relative to the scanned folder
 *     without its extension, for JSON records their {@code id} field
 * @param path the file it came from, as given on the command line or relative to it, with
 *     {@code /} separators
 * @param text the decoded text, never null
 * @param source the outlet or site, or null when not known
 * @param title the title, or null
 * @param published the publication date as given, or null
 */
public record Article(
    String id, String path, String text, String source, String title, String published)
    implements java.io.Serializable {

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id must not be blank (path " + path + ")");
    }
  }

  /** An article known only by its id and text, for tests and library callers. */
  public static Article of(String id, String text) {
    return new Article(id, id, text, null, null, null);
  }
}
