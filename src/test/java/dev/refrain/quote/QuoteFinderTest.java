package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteFinderTest {
  private final QuoteFinder finder = new QuoteFinder();

  private List<String> quoted(String text) {
    return finder.find(text).stream().map(q -> text.substring(q.start(), q.end())).toList();
  }

  private String speakerOf(String text) {
    List<Quote> quotes = finder.find(text);
    assertEquals(1, quotes.size(), "one quote in: " + text);
    Speaker s = quotes.get(0).speaker();
    return s == null ? null : s.name();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "“We will go,” he said. | We will go",
        "«Nous irons», a-t-il dit. | Nous irons",
        "„Wir gehen“, sagte er. | Wir gehen",
        "She said ‘we will go’ and left. | we will go",
        "He said \"we will go\" and left. | we will go",
        "「我们去」他说。 | 我们去",
      })
  void findsTextInsideEachKindOfMarks(String text, String expected) {
    assertEquals(List.of(expected), quoted(text));
  }

  @Test
  void aQuoteInsideAQuoteIsPartOfTheOuterOne() {
    assertEquals(
        List.of("He told me ‘never’ twice, and I believed him"),
        quoted("“He told me ‘never’ twice, and I believed him,” she said."));
  }

  @Test
  void apostrophesCloseNoQuote() {
    assertEquals(
        List.of("China’s position and Beijing’s view"),
        quoted("He said ‘China’s position and Beijing’s view’ were clear."));
  }

  @Test
  void aQuoteLeftOpenEndsAtItsParagraph() {
    assertEquals(
        List.of("We will not go back on this.", "Next paragraph"),
        quoted("“We will not go back on this.\n\n“Next paragraph,” he said."));
  }

  @Test
  void aClosingMarkWithoutItsOpenerIsPassedOver() {
    assertEquals(
        List.of("stop hyping the threat theory’, lift sanctions"),
        quoted("Wang had “stop hyping the threat theory’, lift sanctions” in mind."));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "“We are not going there,” admitted Assistant Secretary of State Daniel Kritenbrink. | Daniel Kritenbrink",
        "“We are not going there,” State Department Asia chief Daniel Kritenbrink told reporters. | Daniel Kritenbrink",
        "“We are not going there,” the State Department said on Wednesday. | State Department",
        "Talks should “manage relations responsibly”, according to the US State Department. | State Department",
        "Blinken told reporters before leaving that “talks must go on.” | Blinken",
        "For his part, his Singaporean counterpart described it as “the challenge of the century.” | Singaporean counterpart",
        "Officials met on Monday about the “spy” craft. | ",
      })
  void attributesAQuoteToTheSpeakerBesideItsSpeechVerb(String text, String speaker) {
    assertEquals(speaker, speakerOf(text));
  }

  @Test
  void aSurnameAloneTakesTheFullNameTheArticleGave() {
    String text =
        "US Secretary of State Antony Blinken arrived on Sunday.\n"
            + "“We want lines of communication,” Blinken said.";
    assertEquals("Antony Blinken", speakerOf(text));
  }

  @Test
  void aPronounTakesTheLastPersonNamedOrSpeakerAttributed() {
    String text =
        "Blinken spoke alongside his Singaporean counterpart, Vivian Balakrishnan. The latter"
            + " described it as a “challenge of the century,” saying, “The world will watch you.”"
            + " Later “we hope you manage,” he added.";
    List<Quote> quotes = finder.find(text);
    assertEquals(3, quotes.size());
    for (Quote q : quotes) {
      assertEquals("Vivian Balakrishnan", q.speaker().name(), text.substring(q.start(), q.end()));
    }
  }

  @Test
  void aDescribedSpeakerStaysUnnamedAndCarriesToHe() {
    String text =
        "Blinken is in China. For his part, his Singaporean counterpart described it as the"
            + " “challenge of the century.” “The rest of the world will be watching,” he said.";
    List<Quote> quotes = finder.find(text);
    assertEquals(2, quotes.size());
    assertEquals(Speaker.Type.DESCRIPTION, quotes.get(1).speaker().type());
    assertEquals("Singaporean counterpart", quotes.get(1).speaker().name());
  }

  @Test
  void findsReportedSpeechAfterASpeechVerb() {
    String text =
        "Earlier this month talks failed. But on Friday, Austin said he was confident he could"
            + " meet his counterpart soon. Nothing else happened today at all.";
    List<Quote> quotes = finder.find(text);
    assertEquals(1, quotes.size());
    Quote q = quotes.get(0);
    assertEquals(Quote.Kind.REPORTED, q.kind());
    assertEquals("he was confident he could meet his counterpart soon", text.substring(q.start(), q.end()));
    assertEquals("Austin", q.speaker().name());
  }

  @Test
  void findsReportedSpeechBeforeAccordingTo() {
    String text = "Blinken will meet Xi Jinping on Monday afternoon, according to the State Department.";
    List<Quote> quotes = finder.find(text);
    assertEquals(1, quotes.size());
    assertEquals("Blinken will meet Xi Jinping on Monday afternoon",
        text.substring(quotes.get(0).start(), quotes.get(0).end()));
    assertEquals("State Department", quotes.get(0).speaker().name());
  }

  @Test
  void aSentenceWithoutSpeechVerbIsNoReportedSpeech() {
    assertEquals(List.of(), finder.find("Blinken is the first secretary of state to visit in five years."));
  }

  @Test
  void aSpeakerNamedInsideTheQuoteIsNotItsSpeaker() {
    assertNull(speakerOf("“Mr. Blinken will meet officials there” was in the note."));
  }
}
