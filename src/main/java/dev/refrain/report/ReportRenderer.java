package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one format. Implementations are stateless and thread-safe. */
public interface ReportRenderer {

  /** The format's name on the command line, e.g. {@code "html"}. */
  String format();

  /** The file name the report is written to inside the output folder, e.g. {@code "report.html"}. */
  String fileName();

  /** Writes the report. Output is deterministic: the same report gives the same characters. */
  void render(Report report, Writer out) throws IOException;
}
