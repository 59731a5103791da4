/** Benchmarks: commands that measure speed and size and write a results file. */
package dev.refrain.bench;
