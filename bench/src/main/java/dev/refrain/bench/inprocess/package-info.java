/**
 * In-process benchmarks: the product's classes measured inside this JVM (check latency against a
 * synthetic archive, per-article stage throughput beside Lucene), for {@code refrain-bench
 * benchmark}; the harness ({@code run}) measures the product jar from outside.
 */
package dev.refrain.bench.inprocess;
