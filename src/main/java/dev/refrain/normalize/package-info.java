/**
 * Normalize stage: UAX #29 words (a hand-written fast path for plain text, Lucene for the rest)
 * and Unicode folding, with offsets into the original text.
 */
package dev.refrain.normalize;
