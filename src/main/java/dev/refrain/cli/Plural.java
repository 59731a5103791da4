package dev.refrain.cli;

/** Counts with their noun in the right number, for messages: {@code 1 pair}, {@code 2 pairs}. */
final class Plural {
  private Plural() {}

  /** {@code "1 article"}, {@code "0 articles"}, {@code "2 articles"}: nouns taking an s. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
