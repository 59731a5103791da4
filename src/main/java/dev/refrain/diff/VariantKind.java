package dev.refrain.diff;

import java.util.Locale;

/**
 * A kind of change a variant carries, read from its word diff by {@link VariantKinds}. A passage
 * carries one of {@link #VERBATIM}, {@link #TRIMMED}, {@link #EXTENDED}, {@link #REWORDED} or
 * {@link #SPELLING} (its shape), and besides it {@link #NUMBERS_CHANGED} and {@link
 * #NAMES_CHANGED} when they apply.
 */
public enum VariantKind {
  /** The same words after normalization. */
  VERBATIM,
  /** The b side is a contiguous part of the a side: words dropped at its start or end only. */
  TRIMMED,
  /** The a side is a contiguous part of the b side: words added at its start or end only. */
  EXTENDED,
  /** Words substituted, or dropped or added inside the passage. */
  REWORDED,
  /** A figure, date, amount or percentage differs (a word with a digit, a number word, a month). */
  NUMBERS_CHANGED,
  /** A person, place or organisation differs: a capitalised word mid-sentence has no match. */
  NAMES_CHANGED,
  /** Only spelling or transliteration differs (Defence / Defense, Antony / Anthony). */
  SPELLING,
  /**
   * The same quote with another speaker. Not read from a word diff: the stage that attributes
   * quotes to speakers adds it to the kinds {@link VariantKinds#classify} returns.
   */
  ATTRIBUTION_CHANGED;

  /** The label in reports: {@code numbers-changed}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind with this {@link #label()}, or null when there is none. */
  public static VariantKind ofLabel(String label) {
    for (VariantKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    return null;
  }
}
