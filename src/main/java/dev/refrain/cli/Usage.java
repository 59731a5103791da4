package dev.refrain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Validation of option values: out of range is a usage error naming option and range. */
final class Usage {
  private Usage() {}

  static void range(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      String allowed = max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
      throw error(spec, option + " must be " + allowed + ", was " + value);
    }
  }

  static void fraction(CommandSpec spec, String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw error(spec, option + " must be 0 to 1, was " + value);
    }
  }

  static CommandLine.ParameterException error(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
