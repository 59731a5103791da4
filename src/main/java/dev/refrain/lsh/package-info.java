/** LSH stage: band keys of passage windows and the candidate pairs they propose. */
package dev.refrain.lsh;
