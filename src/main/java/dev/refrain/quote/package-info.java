/**
 * Quotations: the quotes of an article with their speakers ({@link dev.refrain.quote.QuoteFinder}),
 * and quote families, one quotation as each article rendered it ({@link
 * dev.refrain.quote.QuoteGrouper}).
 */
package dev.refrain.quote;
