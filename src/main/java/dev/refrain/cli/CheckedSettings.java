package dev.refrain.cli;

/**
 * A command whose option values can be checked without running it, as its run checks them: what
 * {@code --show-config} checks before printing the settings, so a bad value in a config file is
 * reported there too.
 */
interface CheckedSettings {
  /**
   * Checks the option values.
   *
   * @throws picocli.CommandLine.ParameterException naming the first bad one
   */
  void checkSettings();
}
