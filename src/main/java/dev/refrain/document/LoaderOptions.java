package dev.refrain.document;

/**
 * Settings for an {@link ArticleLoader}.
 *
 * @param maxFileBytes files larger than this many bytes are skipped without being read
 */
public record LoaderOptions(long maxFileBytes) {

  /** The default file size limit: 64 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

  public LoaderOptions {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
  }

  /** The default settings: files up to {@link #DEFAULT_MAX_FILE_BYTES}. */
  public static LoaderOptions defaults() {
    return new LoaderOptions(DEFAULT_MAX_FILE_BYTES);
  }
}
