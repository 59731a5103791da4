package dev.refrain.document;

import java.util.Objects;

/**
 * Settings for an {@link ArticleLoader}.
 *
 * @param maxFileBytes a text, Markdown or HTML file, or a JSON file holding one object, larger than
 *     this many bytes is skipped without being read; in a JSON array or a JSON Lines file, which
 *     may be of any size, a single record larger than this is skipped. From 1 to {@link
 *     #MAX_FILE_BYTES_LIMIT}.
 * @param sourceFrom where an article's source comes from
 */
public record LoaderOptions(long maxFileBytes, SourceFrom sourceFrom) {

  /** The default file and record size limit: 64 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  /**
   * The largest allowed {@link #maxFileBytes}: 2,147,483,639 bytes, the largest array Java can read
   * a file or a record into ({@code Integer.MAX_VALUE - 8}, as in {@code Files.readAllBytes}).
   */
  public static final long MAX_FILE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

  public LoaderOptions {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
    if (maxFileBytes > MAX_FILE_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "maxFileBytes must be at most "
              + MAX_FILE_BYTES_LIMIT
              + " (the largest array Java can read a file into), got "
              + maxFileBytes);
    }
    Objects.requireNonNull(sourceFrom, "sourceFrom");
  }

  /**
   * Settings with the given size limit, taking sources {@linkplain SourceFrom#FIELD from fields}.
   */
  public LoaderOptions(long maxFileBytes) {
    this(maxFileBytes, SourceFrom.FIELD);
  }

  /**
   * The default settings: files and records up to {@link #DEFAULT_MAX_FILE_BYTES}, sources
   * {@linkplain SourceFrom#FIELD from fields}.
   */
  public static LoaderOptions defaults() {
    return new LoaderOptions(DEFAULT_MAX_FILE_BYTES, SourceFrom.FIELD);
  }

  /** These settings with sources taken as {@code sourceFrom} says. */
  public LoaderOptions withSourceFrom(SourceFrom sourceFrom) {
    return new LoaderOptions(maxFileBytes, sourceFrom);
  }
}
