/** Load stage: reads articles from text, Markdown, HTML and JSON files and folders. */
package dev.refrain.document;
