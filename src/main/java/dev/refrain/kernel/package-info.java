/**
 * The detection kernel: prepare an article, learn templates, align a pair, diff, containment.
 * Scan, index/check and a distributed job are strategies over it that decide which pairs to
 * compare; the rules live here once.
 */
package dev.refrain.kernel;
