/** Normalize stage: Lucene tokenization and Unicode folding, with offsets into the original text. */
package dev.refrain.normalize;
