/** LSH stage: fingerprints sorted into runs, and the candidate pairs that share one. */
package dev.refrain.lsh;
