/** Evaluation: measured quality on labelled corpora, beside published results. */
package dev.refrain.bench.eval;
