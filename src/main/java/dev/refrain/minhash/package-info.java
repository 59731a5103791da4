/** MinHash stage: each window of shingles' minimum, selected once (winnowing) as fingerprints. */
package dev.refrain.minhash;
