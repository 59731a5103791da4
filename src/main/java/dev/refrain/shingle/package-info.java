/** Shingle stage: seeded 64-bit hashes of word shingles. */
package dev.refrain.shingle;
