package dev.refrain.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refrain.kernel.Direction.Candidate;
import dev.refrain.kernel.Direction.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectionTest {
  private static final Direction DIRECTION = new Direction();
  private static final String PLAIN = "Blinken is the highest ranking US official to visit China.";

  private static Candidate dated(String published) {
    return Candidate.of(published, null, PLAIN, 10);
  }

  @Test
  void theEarlierPublicationDateRanFirst() {
    Verdict v = DIRECTION.earliest(List.of(dated("2023-06-18T09:00:00Z"), dated("2023-06-17")));
    assertEquals(1, v.first());
    assertEquals("published", v.basis());
    assertEquals("published 2023-06-17 before 2023-06-18T09:00:00Z", v.reason());
  }

  @Test
  void timesWithOffsetsAreComparedAsInstants() {
    Verdict v =
        DIRECTION.earliest(
            List.of(dated("2023-06-18T10:00:00+02:00"), dated("2023-06-18T09:00:00Z")));
    assertEquals(0, v.first(), v.reason());
  }

  @Test
  void oneDayWithoutTimesOrdersNothingAndTheTextDecides() {
    Verdict v = DIRECTION.earliest(List.of(dated("2023-06-18"), dated("2023-06-18T08:00:00Z")));
    assertEquals("unknown", v.basis());
    assertEquals(-1, v.first());
  }

  @Test
  void aMissingDateLeavesItToTheText() {
    Verdict v =
        DIRECTION.earliest(
            List.of(dated("2023-06-18"), Candidate.of(null, null, "(AFP) " + PLAIN, 10)));
    assertEquals(1, v.first());
    assertEquals("wire-credit", v.basis());
    assertEquals("it carries the wire credit (AFP) and the other does not", v.reason());
  }

  @Test
  void theWireServiceAsSourceRanFirst() {
    Verdict v =
        DIRECTION.earliest(
            List.of(Candidate.of(null, "Daily Star", PLAIN, 10),
                Candidate.of(null, "Reuters", PLAIN, 10)));
    assertEquals(1, v.first());
    assertEquals("its source is the wire service Reuters", v.reason());
  }

  @Test
  void aDatelineCreditOpeningALineCounts() {
    assertEquals("Reuters -", Direction.wireCredit("Headline\nReuters - Blinken said"));
    assertEquals(null, Direction.wireCredit("the AP style guide says"), "AP inside a sentence");
    assertEquals(null, Direction.wireCredit(PLAIN));
  }

  @Test
  void aCreditIsReadAtTheHeadAndTailOnly() {
    String middle = "x ".repeat(400) + "as (AFP) reported " + "y ".repeat(400);
    assertEquals(null, Direction.wireCredit(middle), "a credit quoted mid-article");
    assertEquals("(AFP)", Direction.wireCredit("z ".repeat(800) + "\nWashington (AFP) - (c) 2023 AFP"));
    assertEquals("Reuters -", Direction.wireCredit("z ".repeat(800) + "\nReuters - more"));
  }

  @Test
  void twoCreditedArticlesAreLeftToTheFullerForm() {
    Verdict v =
        DIRECTION.earliest(
            List.of(Candidate.of(null, null, "(AFP) x", 40), Candidate.of(null, null, "(AFP) y", 30)));
    assertEquals(0, v.first());
    assertEquals("fuller-form", v.basis());
  }

  @Test
  void nearlyEqualFormsTellNothing() {
    Verdict v =
        DIRECTION.earliest(
            List.of(Candidate.of(null, null, PLAIN, 40), Candidate.of(null, null, PLAIN, 38)));
    assertEquals(-1, v.first());
    assertEquals("unknown: no publication dates, wire credit or fuller form tell", v.reason());
  }

  @Test
  void aClusterNamesItsEarliestOfMany() {
    Verdict v =
        DIRECTION.earliest(
            List.of(dated("2023-06-18"), dated("2023-06-16"), dated("2023-06-17")));
    assertEquals(1, v.first());
    assertEquals("published 2023-06-16 before 2023-06-17", v.reason());
  }
}
