/** Check stage: new articles against the archive, with limits, baseline and allowlist. */
package dev.refrain.check;
