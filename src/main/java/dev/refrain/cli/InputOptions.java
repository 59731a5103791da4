package dev.refrain.cli;

import dev.refrain.document.ArticleLoader;
import dev.refrain.document.LoaderOptions;
import dev.refrain.document.SourceFrom;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How scan, index add and check read their input: the options they share. */
final class InputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--source-from",
      paramLabel = "WHERE",
      description = "Where an article's source (its outlet) comes from: field (a JSON record's"
          + " source, an HTML page's site name) or folder (the folder a file sits in, relative"
          + " to the scanned folder; a JSON record's own source still wins). Templates are"
          + " learned per source, so give sources when a folder holds several outlets."
          + " Default: ${DEFAULT-VALUE}.")
  SourceFrom sourceFrom = SourceFrom.FIELD;

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Leave out the files and folders this glob matches: neither read nor"
          + " reported. Without / it matches a name at any depth (*.pdf, drafts), with / the path"
          + " relative to the scanned folder (2019/**); a trailing / matches folders only."
          + " Repeatable; the .refrainignore and .gitignore of each folder read add their globs."
          + " Any other file that is not read is named on stderr.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--quiet",
      description = "Name no skipped file and print no warning on stderr: one line at the end"
          + " counts them (a missing path is still named).")
  boolean quiet;

  ArticleLoader loader() {
    try {
      Object root = mixee.root().userObject();
      return new ArticleLoader(
          LoaderOptions.defaults().withSourceFrom(sourceFrom).withExclude(exclude),
          root instanceof Main main ? main.standardInput() : System.in);
    } catch (IllegalArgumentException e) {
      throw Usage.error(mixee, "--exclude " + e.getMessage());
    }
  }

  /** Where the load's problems are printed, as {@code --quiet} says. */
  ProblemLog problems(PrintWriter err) {
    return new ProblemLog(err, quiet);
  }
}
