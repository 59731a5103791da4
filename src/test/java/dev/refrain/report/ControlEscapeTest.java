package dev.refrain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlEscapeTest {
  @ParameterizedTest(name = "U+{0}")
  @CsvSource({"0000", "0007", "0008", "000d", "001b", "007f", "0085", "009b", "061c", "200e",
    "200f", "202a", "202e", "2066", "2069"})
  void showsEveryControlAndBidiCharacterAsAnEscape(String hex) {
    char c = (char) Integer.parseInt(hex, 16);
    assertEquals("a\\u" + hex + "b", ControlEscape.line("a" + c + "b"));
    assertTrue(ControlEscape.escapes(c));
  }

  @Test
  void leavesPrintableTextAsItIs() {
    String s = "Ça va — «oui» 北京 \uD83D\uDE00 é\u0301 \u00a0 \u200b";
    assertSame(s, ControlEscape.line(s));
    assertSame(s, ControlEscape.text(s));
    assertEquals("", ControlEscape.line(null));
  }

  @Test
  void textKeepsLineFeedsTabsAndCrlfLineEndsLineEscapesThem() {
    assertEquals("a\n\tb\r\nc\\u000dd", ControlEscape.text("a\n\tb\r\nc\rd"));
    assertEquals("a\\u000a\\u0009b\\u000d\\u000a", ControlEscape.line("a\n\tb\r\n"));
  }

  @Test
  void aTerminalWriterEscapesWhatPassesKeepingLineEndsAcrossWrites() throws Exception {
    StringWriter out = new StringWriter();
    try (Writer w = ControlEscape.terminal(out)) {
      w.write("id \u001b[2J\u0007 \u202e");
      w.write("x\r");
      w.write("\n");
      w.write("over\r");
      w.write("written\n");
      w.write('\u0007');
    }
    assertEquals("id \\u001b[2J\\u0007 \\u202ex\r\nover\\u000dwritten\n\\u0007", out.toString());
    assertFalse(out.toString().contains("\u001b"));
  }
}
