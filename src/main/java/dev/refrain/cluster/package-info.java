/** Cluster stage: passages recurring across articles, and boilerplate told from reuse. */
package dev.refrain.cluster;
