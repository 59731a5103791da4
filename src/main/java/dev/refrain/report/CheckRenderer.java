package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes a {@link CheckReport} in one format (text, JSON, SARIF, JUnit XML, Markdown).
 * Implementations are stateless and thread-safe, and deterministic: the same report gives the
 * same characters (no timestamps or random ids, {@code \n} line endings, numbers formatted with
 * {@link java.util.Locale#ROOT}).
 */
public interface CheckRenderer {

  /** The format's name on the command line, e.g. {@code "sarif"}. */
  String format();

  /** The file name the result is written to inside the output folder, e.g. {@code "check.sarif"}. */
  String fileName();

  /** Writes the report and flushes {@code out} (without closing it). */
  void render(CheckReport report, Writer out) throws IOException;
}
