/** Report stage: the public report model and its renderers (JSON, HTML, Markdown, text). */
package dev.refrain.report;
