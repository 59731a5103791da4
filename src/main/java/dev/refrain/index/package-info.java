/** Index stage: the persistent article archive, a Lucene index of texts and LSH band keys. */
package dev.refrain.index;
