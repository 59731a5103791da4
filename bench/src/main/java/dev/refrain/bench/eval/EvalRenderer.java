package dev.refrain.bench.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link EvalReport} as aligned text tables, JSON (Jackson) or Markdown tables. The
 * output depends only on the report: no timestamps, no absolute paths, {@code \n} line ends.
 */
public final class EvalRenderer {

  /** The output formats. */
  public enum Format {
    TEXT,
    JSON,
    MD;

    /** Parses {@code text}, {@code json} or {@code md} (any case). */
    public static Format parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown format \"" + s + "\"; expected text, json or md");
      }
    }
  }

  private EvalRenderer() {}

  /** The report in {@code format}. */
  public static String render(EvalReport report, Format format) {
    return switch (format) {
      case TEXT -> text(report);
      case JSON -> json(report);
      case MD -> markdown(report);
    };
  }

  /** Aligned text tables, one per corpus. */
  public static String text(EvalReport report) {
    StringBuilder out = new StringBuilder();
    out.append("refrain evaluation (regenerate: ").append(report.command()).append(")\n");
    for (CorpusResult c : report.corpora()) {
      out.append('\n').append("== ").append(c.corpus()).append(": ").append(c.title()).append('\n');
      if (!c.available()) {
        out.append("  data not found: ").append(c.message()).append('\n');
        continue;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"metric", "refrain", "target", "met", "anchor"});
      for (Figure f : c.figures()) {
        rows.add(
            new String[] {
              f.metric(),
              f.shown(),
              f.target() == null ? "" : f.target().show(decimalsOf(f)),
              met(f),
              f.anchor() == null ? "" : f.anchor()
            });
      }
      int[] width = new int[5];
      for (String[] r : rows) {
        for (int i = 0; i < 5; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
      for (String[] r : rows) {
        StringBuilder line = new StringBuilder("  ");
        line.append(pad(r[0], width[0])).append("  ");
        line.append(" ".repeat(width[1] - r[1].length())).append(r[1]).append("  ");
        line.append(pad(r[2], width[2])).append("  ");
        line.append(pad(r[3], width[3])).append("  ");
        line.append(r[4]);
        out.append(line.toString().stripTrailing()).append('\n');
      }
      section(out, "method", c.method(), "  ", "    - ");
      section(out, "notes", c.notes(), "  ", "    - ");
    }
    return out.toString();
  }

  /** Pretty-printed JSON of the report. */
  public static String json(EvalReport report) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return mapper.writeValueAsString(report).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  /** Markdown: a summary table of the targets, then a table per corpus with method and notes. */
  public static String markdown(EvalReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# refrain: quality figures\n\n");
    out.append("Measured by `refrain-bench eval` (package `dev.refrain.bench.eval`); every figure below comes from")
        .append(" a run, nothing is typed in. Regenerate this file with:\n\n");
    out.append("```\n").append(report.command()).append("\n```\n\n");
    out.append("## Targets\n\n");
    out.append("| Corpus | Metric | refrain | Target | Met | Anchor |\n");
    out.append("|---|---|---:|---|---|---|\n");
    for (CorpusResult c : report.corpora()) {
      if (!c.available()) {
        out.append("| ").append(cell(c.corpus())).append(" | data not found | | | | |\n");
        continue;
      }
      for (Figure f : c.figures()) {
        if (f.target() != null) {
          out.append("| ").append(cell(c.corpus()))
              .append(" | ").append(cell(f.metric()))
              .append(" | ").append(f.shown())
              .append(" | ").append(cell(f.target().show(decimalsOf(f))))
              .append(" | ").append(met(f))
              .append(" | ").append(cell(f.anchor() == null ? "" : f.anchor()))
              .append(" |\n");
        }
      }
    }
    for (CorpusResult c : report.corpora()) {
      out.append("\n## ").append(c.title()).append(" (`").append(c.corpus()).append("`)\n\n");
      if (!c.available()) {
        out.append("Data not found: ").append(c.message()).append("\n");
        continue;
      }
      out.append("| Metric | refrain | Target | Met | Anchor |\n");
      out.append("|---|---:|---|---|---|\n");
      for (Figure f : c.figures()) {
        out.append("| ").append(cell(f.metric()))
            .append(" | ").append(f.shown())
            .append(" | ").append(cell(f.target() == null ? "" : f.target().show(decimalsOf(f))))
            .append(" | ").append(met(f))
            .append(" | ").append(cell(f.anchor() == null ? "" : f.anchor()))
            .append(" |\n");
      }
      if (!c.method().isEmpty()) {
        out.append("\nMethod:\n\n");
        for (String m : c.method()) {
          out.append("- ").append(m).append('\n');
        }
      }
      if (!c.notes().isEmpty()) {
        out.append("\nNotes:\n\n");
        for (String n : c.notes()) {
          out.append("- ").append(n).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static int decimalsOf(Figure f) {
    return f.decimals() == 0 ? 0 : 2;
  }

  private static String met(Figure f) {
    Boolean met = f.met();
    return met == null ? "" : met ? "yes" : "no";
  }

  private static void section(
      StringBuilder out, String name, List<String> lines, String indent, String bullet) {
    if (lines.isEmpty()) {
      return;
    }
    out.append(indent).append(name).append(":\n");
    for (String l : lines) {
      out.append(bullet).append(l).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
