package dev.refrain.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

class SpeakerNamesTest {
  @Test
  void aFirstNameMatchesExactlyWhenJaroWinklerReachesTheBar() {
    JaroWinklerSimilarity jw = new JaroWinklerSimilarity();
    Random random = new Random(3);
    // Few letters, so many pairs come near the bar; accents and other characters beside them.
    char[] letters = {'a', 'n', 't', 'o', 'h', 'y', 'e', 'l', 'é', '-', 'z'};
    int near = 0;
    for (int k = 0; k < 200_000; k++) {
      String a = name(random, letters);
      String b = random.nextInt(3) == 0 ? edit(random, a, letters) : name(random, letters);
      boolean expected = jw.apply(a, b) >= SpeakerNames.FIRST_NAME_SIMILARITY;
      near += expected ? 1 : 0;
      assertEquals(
          expected, new SpeakerNames.FirstName(a).matches(new SpeakerNames.FirstName(b)),
          a + " / " + b + ": " + jw.apply(a, b));
    }
    assertTrue(near > 1_000, near + " pairs at the bar or above");
    assertTrue(new SpeakerNames.FirstName("antony").matches(new SpeakerNames.FirstName("anthony")));
    assertTrue(new SpeakerNames.FirstName("").matches(new SpeakerNames.FirstName("")));
  }

  private static String name(Random random, char[] letters) {
    StringBuilder b = new StringBuilder();
    for (int i = 0, n = random.nextInt(9); i < n; i++) {
      b.append(letters[random.nextInt(letters.length)]);
    }
    return b.toString();
  }

  private static String edit(Random random, String s, char[] letters) {
    StringBuilder b = new StringBuilder(s);
    int at = b.length() == 0 ? 0 : random.nextInt(b.length());
    switch (random.nextInt(3)) {
      case 0 -> b.insert(at, letters[random.nextInt(letters.length)]);
      case 1 -> {
        if (b.length() > 0) {
          b.deleteCharAt(at);
        }
      }
      default -> {
        if (b.length() > 0) {
          b.setCharAt(at, letters[random.nextInt(letters.length)]);
        }
      }
    }
    return b.toString();
  }
}
