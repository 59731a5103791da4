package dev.refrain.index;

/**
 * An archive cannot be used: missing, corrupt, locked by another writer, or built with other
 * settings. The message is one line fit for a user, naming the folder and what to do.
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
    IO
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
