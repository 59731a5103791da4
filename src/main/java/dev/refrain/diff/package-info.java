/** Diff stage: word-level variant diffs of passages, with java-diff-utils. */
package dev.refrain.diff;
