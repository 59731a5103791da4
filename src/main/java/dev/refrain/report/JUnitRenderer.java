package dev.refrain.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the check result as JUnit XML, for CI test-report views:
 *
 * <pre>{@code
 * <testsuites name="refrain" tests="2" failures="1" errors="0">
 *   <testsuite name="refrain check" tests="2" failures="1" errors="0" skipped="0">
 *     <properties>...the check's settings...</properties>
 *     <testcase classname="refrain.check" name="wire/a1" file="new/a1.txt">
 *       <failure message="42.0% reused (limit 30.0%)" type="ReuseLimitExceeded">...</failure>
 *     </testcase>
 *     <testcase classname="refrain.check" name="wire/b2" file="new/b2.txt">
 *       <system-out>...</system-out>
 *     </testcase>
 *     <system-err>...input problems...</system-err>
 *   </testsuite>
 * </testsuites>
 * }</pre>
 *
 * One test case per article, named by its id; a failure's text lists the article's matches and
 * passages as in {@code check.txt}, and so does the {@code <system-out>} of a passing article
 * that shares passages. Input problems go to the suite's {@code <system-err>}. No {@code time}
 * or {@code timestamp} attributes, so output is deterministic. Attribute values and text are
 * escaped, with characters XML 1.0 does not allow (most control characters, unpaired
 * surrogates, U+FFFE, U+FFFF) removed.
 */
public final class JUnitRenderer implements CheckRenderer {
  static final String SUITE = "refrain check";
  static final String CLASS_NAME = "refrain.check";
  static final String FAILURE_TYPE = "ReuseLimitExceeded";

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public String fileName() {
    return "check.xml";
  }

  @Override
  public void render(CheckReport report, Writer out) throws IOException {
    out.write(toXml(report));
    out.flush();
  }

  /** The whole document. */
  public String toXml(CheckReport report) {
    int tests = report.articles().size();
    long failures = report.failed();
    double limit = report.settings() == null ? Double.NaN : report.settings().maxContainment();
    StringBuilder b = new StringBuilder(8192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"refrain\" tests=\"").append(tests).append("\" failures=\"")
        .append(failures).append("\" errors=\"0\">\n");
    b.append("  <testsuite name=\"").append(attr(SUITE)).append("\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n");
    properties(b, report.settings());
    for (CheckReport.ArticleResult a : report.articles()) {
      testcase(b, a, limit);
    }
    if (!report.problems().isEmpty()) {
      StringBuilder err = new StringBuilder();
      for (Report.ProblemEntry p : report.problems()) {
        err.append(p.kind()).append(' ').append(p.path()).append(": ").append(p.message())
            .append('\n');
      }
      b.append("    <system-err>").append(text(err.toString())).append("</system-err>\n");
    }
    b.append("  </testsuite>\n");
    b.append("</testsuites>\n");
    return b.toString();
  }

  private static void properties(StringBuilder b, CheckReport.Settings s) {
    if (s == null) {
      return;
    }
    b.append("    <properties>\n");
    property(b, "maxContainment", CheckFormat.number2(s.maxContainment()));
    property(b, "minPassageWords", Integer.toString(s.minPassageWords()));
    if (s.index() != null) {
      property(b, "index", s.index());
    }
    property(b, "indexArticles", Integer.toString(s.indexArticles()));
    if (!s.allowedSources().isEmpty()) {
      property(b, "allowedSources", String.join(", ", s.allowedSources()));
    }
    if (s.baseline() != null) {
      property(b, "baseline", s.baseline());
    }
    b.append("    </properties>\n");
  }

  private static void property(StringBuilder b, String name, String value) {
    b.append("      <property name=\"").append(attr(name)).append("\" value=\"")
        .append(attr(value)).append("\"/>\n");
  }

  private static void testcase(StringBuilder b, CheckReport.ArticleResult a, double limit) {
    b.append("    <testcase classname=\"").append(CLASS_NAME).append("\" name=\"")
        .append(attr(a.id())).append('"');
    if (a.path() != null) {
      b.append(" file=\"").append(attr(a.path())).append('"');
    }
    List<String> lines = CheckTextRenderer.block(a, limit);
    if (a.failed()) {
      String message = CheckFormat.percent(a.containment()) + " reused"
          + (Double.isNaN(limit) ? "" : " (limit " + CheckFormat.percent(limit) + ")")
          + (a.capped() != null && a.capped().candidatesNotCompared() > 0 ? "; not compared with every candidate" : "")
          + (a.failedOn().isEmpty() ? "" : "; fails on " + String.join(", ", a.failedOn()));
      b.append(">\n      <failure message=\"").append(attr(message)).append("\" type=\"")
          .append(FAILURE_TYPE).append("\">").append(text(String.join("\n", lines)))
          .append("</failure>\n    </testcase>\n");
    } else if (!a.matches().isEmpty()) {
      b.append(">\n      <system-out>").append(text(String.join("\n", lines)))
          .append("</system-out>\n    </testcase>\n");
    } else {
      b.append("/>\n");
    }
  }

  // ---------------------------------------------------------------- escaping

  /** {@code s} for a quoted attribute: XML-legal, on one line, escaped. */
  static String attr(String s) {
    return HtmlEscape.inline(xmlLegal(s));
  }

  /** {@code s} for element content: XML-legal, escaped, line breaks kept. */
  static String text(String s) {
    return HtmlEscape.text(xmlLegal(s));
  }

  /**
   * {@code s} without the characters XML 1.0 does not allow: controls other than tab, line feed
   * and carriage return, unpaired surrogates, U+FFFE and U+FFFF. Null gives "".
   */
  static String xmlLegal(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      int width = 1;
      boolean legal;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        legal = true;
        width = 2;
      } else if (Character.isSurrogate(c)) {
        legal = false;
      } else {
        legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      }
      if (!legal && out == null) {
        out = new StringBuilder(n).append(s, 0, i);
      }
      if (out != null && legal) {
        out.append(s, i, i + width);
      }
      i += width - 1;
    }
    return out == null ? s : out.toString();
  }
}
