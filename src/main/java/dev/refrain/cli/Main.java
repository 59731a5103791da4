package dev.refrain.cli;

import dev.refrain.index.UncheckedArchiveException;
import java.io.InputStream;
import java.io.PrintStream;
import dev.refrain.report.ControlEscape;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code refrain} command line. {@link #run} takes its streams and returns the exit code, so
 * tests call it directly; only {@link #main} exits the JVM.
 */
@Command(
    name = "refrain",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds the passages news articles share: syndicated copy, reworded quotes, boilerplate.",
    subcommands = {
      ScanCommand.class, IndexCommand.class, CheckCommand.class, ReportCommand.class,
      CalibrateCommand.class,
      CompletionCommand.class, HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done; every input read",
      "  1  check: an article shares more than the limits allow; scan --fail-over X: a pair"
          + " shares more than X",
      "  2  usage: unknown option, value out of range, missing argument; an index built with"
          + " other settings; a config file that is missing, not JSON, or holds a bad key or value",
      "  3  input missing or unreadable, nothing to scan, output not writable;",
      "     index missing, damaged or locked, or its folder not empty and not an",
      "     index",
      "  4  done, reports written, but some input files were skipped",
      ExitCode.HELP_INTERNAL,
      ExitCode.HELP_OUT_OF_MEMORY
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the path {@code -} reads. */
  private final InputStream in;

  /** Whether stderr is an interactive terminal, asked when {@code --progress auto} decides. */
  private final BooleanSupplier stderrInteractive;
  /**
   * Standard error as it is, for the progress bar alone: its carriage returns redraw the line,
   * while every message goes through the escaping writer. Null outside {@link #run}.
   */
  private PrintWriter progressErr;

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Settings from this JSON file instead of the refrain.json (or .refrain.json)"
          + " found in the working directory or the nearest folder above it. Keys are option"
          + " names without --, at the top level for every command or under a command's name"
          + " (\"check\": {...}); options given on the command line win.")
  Path configFile;

  @CommandLine.Option(
      names = "--show-config",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print each setting of the command as resolved (command line, config file or"
          + " default) and where it came from, then exit without running it.")
  boolean showConfig;

  Main(InputStream in) {
    this(in, Terminal::stderrInteractive);
  }

  Main(InputStream in, BooleanSupplier stderrInteractive) {
    this.in = in;
    this.stderrInteractive = stderrInteractive;
  }

  /** Whether stderr is an interactive terminal (so {@code --progress auto} draws a bar). */
  /** Where the progress bar writes: standard error unescaped, or {@code err} outside a run. */
  PrintWriter progressErr(PrintWriter err) {
    return progressErr == null ? err : progressErr;
  }

  boolean stderrInteractive() {
    return stderrInteractive.getAsBoolean();
  }

  /** The standard input of this run, which the path {@code -} names. */
  InputStream standardInput() {
    return in;
  }

  /**
   * Heap held back from the start and let go when the heap runs out, so the one line saying so
   * and the exit can still be made (a run that fails for want of memory fails everywhere at once).
   */
  private static byte[] reserve = new byte[1 << 20];

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = run(args, System.in, out, err);
    } catch (OutOfMemoryError e) {
      reserve = null;
      err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      code = ExitCode.OUT_OF_MEMORY.code();
    }
    System.exit(code);
  }

  /** Runs refrain with {@code args}, standard input {@code System.in}; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs refrain with {@code args} and these streams; returns the exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, Terminal::stderrInteractive, Path.of(""));
  }

  /**
   * Runs refrain with {@code args} and these streams, {@code stderrInteractive} saying whether
   * stderr is a terminal, the config file searched for from {@code workingDirectory} up;
   * returns the exit code.
   */
  static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err,
      BooleanSupplier stderrInteractive, Path workingDirectory) {
    Main main = new Main(in, stderrInteractive);
    CommandLine cli = commandLine(main);
    main.progressErr = new PrintWriter(err, true);
    cli.setOut(new PrintWriter(out, true));
    // Messages name paths and ids from the input: their control characters are shown, not sent.
    cli.setErr(
        new PrintWriter(
            ControlEscape.terminal(new java.io.BufferedWriter(new java.io.OutputStreamWriter(err))),
            true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    ConfigDefaults config;
    try {
      config = ConfigOptions.load(args, workingDirectory, cli);
    } catch (ConfigFile.Invalid e) {
      err.println("refrain: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    if (config != null) {
      cli.setDefaultValueProvider(config);
    }
    cli.setExecutionStrategy(parsed -> ConfigOptions.executeOrShow(parsed, config));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UncheckedArchiveException damaged) {
            // An index found damaged mid-read: its one line and exit code, like at open.
            return IndexCommand.fail(commandLine.getErr(), damaged.getCause());
          }
          commandLine.getErr().println("refrain: internal error: " + e);
          StackTraceElement[] trace = e.getStackTrace();
          if (trace.length > 0) {
            commandLine.getErr().println("refrain:   at " + trace[0]);
          }
          return ExitCode.INTERNAL.code();
        });
    cli.setParameterExceptionHandler(
        (e, argsIgnored) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("refrain: " + (config == null ? e.getMessage() : config.explain(e)));
          // picocli's own suggestion for a typo: "Possible solutions: --format" for an option,
          // "Did you mean: scan?" for a command.
          CommandLine.UnmatchedArgumentException.printSuggestions(e, c.getErr());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
          return ExitCode.USAGE.code();
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      reserve = null;
      err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      return ExitCode.OUT_OF_MEMORY.code();
    }
  }

  /**
   * The command line of {@code main}, as every run, the generated command reference and the
   * shell completion see it: enum values in any case, help footers wrapped.
   */
  static CommandLine commandLine(Main main) {
    CommandLine cli = new CommandLine(main);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    HelpLayout.wrapFooters(cli);
    return cli;
  }

  /** The one line for a run that ran out of heap, {@code maxHeap} bytes. */
  static String outOfMemory(long maxHeap) {
    long mib = maxHeap >> 20;
    long more = Math.max(1, (maxHeap >> 30) * 2 + 1);
    return "refrain: out of memory: the Java heap (" + mib + " MiB) is too small for this input;"
        + " run with more, e.g. java -Xmx" + more + "g -jar refrain.jar ..., or give refrain fewer"
        + " or shorter articles at a time";
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed: scan, index, check or calibrate (see 'refrain --help')");
  }

  /** Reads the version from the jar's manifest, falling back to "dev". */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"refrain " + (v == null ? "dev" : v)};
    }
  }
}
