package dev.refrain.cli;

import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoaderOptions;
import dev.refrain.document.SourceFrom;
import picocli.CommandLine.Option;

/** How scan, index add and check read their input: the options they share. */
final class InputOptions {
  @Option(
      names = "--source-from",
      paramLabel = "WHERE",
      description = "Where an article's source (its outlet) comes from: field (a JSON record's"
          + " source, an HTML page's site name) or folder (the folder a file sits in, relative"
          + " to the scanned folder; a JSON record's own source still wins). Templates are"
          + " learned per source, so give sources when a folder holds several outlets."
          + " Default: ${DEFAULT-VALUE}.")
  SourceFrom sourceFrom = SourceFrom.FIELD;

  ArticleLoader loader() {
    return new ArticleLoader(LoaderOptions.defaults().withSourceFrom(sourceFrom));
  }
}
