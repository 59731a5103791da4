/** Command line: picocli commands over the pipeline, exit codes, progress. */
package dev.refrain.cli;
