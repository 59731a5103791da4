/** MinHash stage: seeded hash families, signatures and sliding-window minima of shingle sets. */
package dev.refrain.minhash;
