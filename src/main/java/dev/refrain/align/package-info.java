/** Align stage: exact verification of candidate pairs and maximal, edit-tolerant passages. */
package dev.refrain.align;
