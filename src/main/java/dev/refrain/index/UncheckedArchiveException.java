package dev.refrain.index;

/**
 * Reading an open archive failed: its files are damaged or could not be read. Thrown by the
 * {@link LuceneArchive.Reader} methods that search and load (the checked {@link
 * ArchiveException} it wraps says why, in one line, and what to do).
 */
public final class UncheckedArchiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UncheckedArchiveException(ArchiveException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized ArchiveException getCause() {
    return (ArchiveException) super.getCause();
  }
}
