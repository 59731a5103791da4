/** Template stage: site and template text learned from document frequencies, before pairing. */
package dev.refrain.template;
