package dev.refrain.document;

import java.util.List;
import java.util.Objects;

/**
 * Settings for an {@link ArticleLoader}.
 *
 * @param maxFileBytes a text, Markdown or HTML file, or a JSON file holding one object, larger than
 *     this many bytes is skipped without being read; in a JSON array or a JSON Lines file, which
 *     may be of any size, a single record larger than this is skipped. From 1 to {@link
 *     #MAX_FILE_BYTES_LIMIT}.
 * @param sourceFrom where an article's source comes from
 * @param exclude globs of the files and folders left out of a load on purpose, not read and not
 *     reported (syntax in {@link Exclusions}); a scanned folder's {@code .refrainignore} adds its
 *     own
 */
public record LoaderOptions(long maxFileBytes, SourceFrom sourceFrom, List<String> exclude) {

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
    exclude = List.copyOf(exclude);
    Exclusions.of(exclude);
  }

  /** Settings with the given size limit and sources, excluding nothing. */
  public LoaderOptions(long maxFileBytes, SourceFrom sourceFrom) {
    this(maxFileBytes, sourceFrom, List.of());
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
    return new LoaderOptions(maxFileBytes, sourceFrom, exclude);
  }

  /**
   * These settings leaving out what {@code globs} match.
   *
   * @throws IllegalArgumentException naming a glob that is blank or invalid
   */
  public LoaderOptions withExclude(List<String> globs) {
    return new LoaderOptions(maxFileBytes, sourceFrom, globs);
  }
}
