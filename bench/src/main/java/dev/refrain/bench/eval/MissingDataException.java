package dev.refrain.bench.eval;

/**
 * Signals that a corpus is not where the evaluation looks for it; the message says which files
 * are expected and where to put them.
 */
public final class MissingDataException extends Exception {
  private static final long serialVersionUID = 1L;

  public MissingDataException(String message) {
    super(message);
  }
}
