/** The scan pipeline: load, normalize, shingle, MinHash, LSH, align, cluster, diff, in order. */
package dev.refrain.scan;
