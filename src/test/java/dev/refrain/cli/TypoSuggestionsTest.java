package dev.refrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A mistyped option or command gets picocli's suggestion, one line, and exit code 2. */
class TypoSuggestionsTest {
  @Test
  void aMistypedOptionIsAnsweredWithTheOptionMeant() {
    MainTest.Run r = MainTest.run("scan", "seeds", "--formt", "json");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "refrain: Unknown option: '--formt'\n"
            + "Possible solutions: --format\n"
            + "Try 'refrain scan --help' for more.\n",
        r.err());
  }

  @Test
  void aMistypedCommandIsAnsweredWithTheCommandMeant() {
    MainTest.Run r = MainTest.run("scna", "seeds");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("refrain: Unmatched arguments"), r.err());
    assertTrue(r.err().contains("\nDid you mean: refrain scan?\n"), r.err());
  }
}
