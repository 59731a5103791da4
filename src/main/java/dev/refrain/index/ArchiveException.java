package dev.refrain.index;

/**
 * An archive cannot be used: missing, corrupt, locked by another writer, built with other
 * settings, or in a folder that holds files refrain did not write. The message is one line fit for a user, naming the folder and what to do.
 */
public final class ArchiveException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the archive cannot be used. */
  public enum Reason {
    /** No archive in the folder. */
    MISSING,
    /** Files are damaged or not an archive. */
    CORRUPT,
    /** Another process is writing to it. */
    LOCKED,
    /** Built with other settings. */
    SETTINGS_MISMATCH,
    /** Reading or writing failed. */
    IO,
    /**
     * The folder holds files refrain did not write, which a Lucene writer could delete: an index
     * is not created or opened for writing there.
     */
    FOREIGN_FILES
  }

  private final Reason reason;

  public ArchiveException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public ArchiveException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
