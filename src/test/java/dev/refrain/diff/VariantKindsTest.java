package dev.refrain.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.refrain.normalize.TextNormalizer;
import dev.refrain.normalize.Tokens;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of change, on sentences of the seed articles (and edits of them where noted). */
class VariantKindsTest {
  private static final TextNormalizer NORMALIZER = new TextNormalizer();

  /** The labels of the kinds of the diff of two whole texts, sorted. */
  static Set<String> kinds(String a, String b) {
    Tokens ta = NORMALIZER.tokenize(a);
    Tokens tb = NORMALIZER.tokenize(b);
    List<Edit> diff = new VariantDiffer().diff(ta, 0, ta.size(), tb, 0, tb.size());
    return new TreeSet<>(VariantKinds.labels(new VariantKinds().classify(diff, a, b)));
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Chinese territorial claims in the South China Sea | Chinese territorial claims in the South China Sea | verbatim | 000 and 001, word for word
          Chinese territorial claims in the South China Sea | Chinese territorial claims in the “South China Sea” | verbatim | quotation marks are not words
          Blinken is the highest ranking US official to visit China since 2018. | the highest ranking US official to visit China | trimmed | 004's sentence, its middle quoted: the year cut at the end is no figure changed
          the highest ranking US official to visit China | Blinken is the highest ranking US official to visit China since 2018. | extended | the reverse
          We are not going to Beijing with the intention of making progress or bringing about transformations | We are not going to Beijing with the intention of making breakthroughs or transformation there | reworded | 000 and 001: the Kritenbrink quote
          was originally scheduled for February, but was suddenly canceled at the time | was originally scheduled for last February, but was canceled after | reworded | 003 and 004: the same month, with "last" before it, is no figure changed
          The first visit of its kind since 2018. | The first visit of its kind since 2019. | numbers-changed reworded | 003's sentence, the year edited: a figure is never a spelling variant
          would meet with Chinese President Xi Jinping at 4:30 pm on Monday | would meet with Chinese President Xi Jinping at 5:30 pm on Tuesday | numbers-changed reworded | 002's sentence, time and day edited
          a conversation last November between United States President Joe Biden and his Chinese counterpart, Xi Jinping | a conversation last November between US President Joe Biden and his Chinese counterpart, Xi Jinping | reworded | 000 and 001: US is the initials of United States, no name changed
          Antony Blinken’s visit to Beijing follows a conversation last November | Blinken’s visit to China follows a meeting last November | names-changed reworded | 000 and 004: Beijing against China
          his Singaporean counterpart, Vivian Balakrishnan. The latter described the Sino-American relationship as a “challenge of the century,” | his Singaporean counterpart described the Sino-US relations as the “challenge of the century,” | names-changed reworded | 003 and 004: the minister's name left out
          The head of US diplomacy, Antony Blinken, will land in Beijing on Sunday | The head of US diplomacy, Anthony Blinken, will land in Beijing on Sunday | spelling | 000 and 003: Antony against Anthony
          rejected a request from US Secretary of Defense Lloyd Austin | rejected a request from US Secretary of Defence Lloyd Austin | spelling | 000 and 002: Defense against Defence
          Blinken is the highest-ranking American official to visit China | Blinken is the highest ranking American official to visit China | verbatim | a hyphen is folded by normalization
          the government will cut the program next year | the government will cut the programs next year | reworded | a plural ending is wording, not spelling
          the minister will make the announcement | the minister made the announcement | reworded | short words one letter apart are different words
          He said the talks would go on. | She said the talks would go on. | reworded | a capital at a sentence start is no name
          Blinken is the highest-ranking American official to visit China since | Blinken is the highest ranking US official to visit China since | reworded | 002 and 004: American is the demonym of US, no name changed
          the Sino-American talks held by Chinese officials | the Sino-American talks held by China officials | reworded | a demonym against its country's name
          the talks in Austria resumed | the talks in Australia resumed | names-changed reworded | two countries that share a prefix are two names
          talks in Kyiv resumed on Monday | talks in Kiev resumed on Monday | spelling | a transliterated name
          a statement by Mohammed bin Salman | a statement by Muhammad bin Salman | spelling | a transliterated name, two letters apart
          Blinken will meet his counterpart Qin Gang in Beijing | Blinken will meet his counterpart Wang Yi in Beijing | names-changed reworded | an edited name
          """)
  void classifiesEachKindOfChange(String a, String b, String expected, String why) {
    assertEquals(new TreeSet<>(Arrays.asList(expected.split(" "))), kinds(a, b), why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "numbers-changed, NUMBERS_CHANGED",
    "verbatim, VERBATIM",
    "attribution-changed, ATTRIBUTION_CHANGED",
  })
  void labelsReadBackAsTheirKinds(String label, VariantKind kind) {
    assertEquals(label, kind.label());
    assertEquals(kind, VariantKind.ofLabel(label));
  }
}
