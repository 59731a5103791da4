package dev.refrain.bench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refrain.diff.Edit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloughEvalTest {

  @Test
  void verbatimShareCountsOnlyUnchangedRunsOfAShingleOrMore() {
    List<Edit> diff =
        List.of(
            new Edit(Edit.Kind.EQUAL, 0, 7, 0, 7),
            new Edit(Edit.Kind.REPLACE, 7, 8, 7, 9),
            new Edit(Edit.Kind.EQUAL, 8, 12, 9, 13),
            new Edit(Edit.Kind.DELETE, 12, 14, 13, 13),
            new Edit(Edit.Kind.EQUAL, 14, 19, 13, 18));
    assertEquals(7 + 5, CloughEval.wordsInRuns(diff, 5));
    assertEquals(7 + 4 + 5, CloughEval.wordsInRuns(diff, 4));
    assertEquals(0, CloughEval.wordsInRuns(List.of(), 5));
  }

  @Test
  void excerptsAreOneLineAndCut() {
    assertEquals("a b c", CloughEval.excerpt("  a\n b\t\tc ", 10));
    assertEquals("abcdefg...", CloughEval.excerpt("abcdefghijklmnop", 10));
  }
}
