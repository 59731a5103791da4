package dev.refrain.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refrain.bench.run.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path tmp;

  @Test
  void aHangingChildIsKilledAndSaidSo() throws Exception {
    // a shell whose child sleeps: the whole tree goes
    ChildProcess.Outcome o = ChildProcess.run(List.of("sh", "-c", "sleep 60 & wait"), tmp.resolve("o"), tmp.resolve("e"),
        Duration.ofSeconds(1));
    assertTrue(o.timedOut());
    assertFalse(o.finished());
    assertTrue(o.status().startsWith("did not finish: timed out after"), o.status());
  }

  @Test
  void exitCodesAreStatusesNotExceptions() throws Exception {
    ChildProcess.Outcome oom = ChildProcess.run(List.of("sh", "-c", "echo 'refrain: out of memory' >&2; exit 6"),
        tmp.resolve("o"), tmp.resolve("e"), Duration.ofSeconds(30));
    assertEquals(6, oom.exitCode());
    assertTrue(oom.status().startsWith("did not finish: out of memory after"), oom.status());
    assertEquals("refrain: out of memory", oom.lastError());
    ChildProcess.Outcome ok = ChildProcess.run(List.of("sh", "-c", "exit 4"), tmp.resolve("o"), tmp.resolve("e"),
        Duration.ofSeconds(30));
    assertTrue(ok.finished());
  }
}
