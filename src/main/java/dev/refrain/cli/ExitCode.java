package dev.refrain.cli;

/** The exit codes of every refrain command; documented in the README and in {@code --help}. */
public enum ExitCode {
  /** Done; every input read. */
  OK(0),
  /** {@code check}: some article shares more than the limits allow. */
  LIMIT_EXCEEDED(1),
  /** Bad command line: unknown option, value out of range, missing argument. */
  USAGE(2),
  /** An input path is missing or unreadable, nothing could be read, or an output not written. */
  INPUT(3),
  /** Done, reports written, but some input files were skipped (each named on stderr). */
  SKIPPED_INPUT(4),
  /** A bug: refrain failed unexpectedly (the message says where). */
  INTERNAL(5),
  /** The Java heap was too small for the input (the message says how to give it more). */
  OUT_OF_MEMORY(6);

  /** The help footer line of {@link #INTERNAL}, the same in every command. */
  static final String HELP_INTERNAL = "  5  internal error";

  /** The help footer line of {@link #OUT_OF_MEMORY}, the same in every command. */
  static final String HELP_OUT_OF_MEMORY =
      "  6  out of memory: the Java heap is too small for the input (java -Xmx...)";

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
