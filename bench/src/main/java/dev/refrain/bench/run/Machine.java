package dev.refrain.bench.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Processors, memory, CPU, Java and OS of this machine. */
final class Machine {
  private Machine() {}

  static ObjectNode describe() {
    ObjectNode m = Harness.JSON.createObjectNode();
    m.put("date", LocalDate.now(ZoneOffset.UTC).toString());
    m.put("processors", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    if (!mem.isEmpty()) {
      long kb = Long.parseLong(mem.split("\\s+")[0]);
      m.put("memoryGiB", Harness.round(kb / 1024.0 / 1024.0, 1));
    }
    m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
        + System.getProperty("java.vendor") + ")");
    String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME").replace("\"", "");
    m.put("os", (os.isEmpty() ? System.getProperty("os.name") : os) + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    return m;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        int sep = line.indexOf(line.contains("=") && !line.contains(":") ? '=' : ':');
        if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
          return line.substring(sep + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable
    }
    return "";
  }
}
