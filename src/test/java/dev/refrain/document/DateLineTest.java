package dev.refrain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateLineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023-06-17\\nBlinken lands in Beijing | 2023-06-17
          Blinken lands in Beijing\\n\\n2023-06-17T08:30:00Z\\nText | 2023-06-17T08:30:00Z
          Published: June 17, 2023\\nBlinken lands | 2023-06-17
          Headline\\nBy a reporter\\n17 Sept 2023\\nText | 2023-09-17
          """)
  void readsADateLineAtTheTop(String text, String published) {
    assertEquals(published, DateLine.published(text.replace("\\n", "\n")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Blinken lands in Beijing on 2023-06-17 for talks
          a\\nb\\nc\\n2023-06-17
          Published: Smarch 17, 2023
          June 32, 2023
          """)
  void findsNoDateWhereNoLineIsOne(String text) {
    assertNull(DateLine.published(text.replace("\\n", "\n")));
  }
}
