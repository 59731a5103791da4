package dev.refrain.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The durations of a run's tasks, per stage, so a skewed key that stalls one task shows: for the
 * stages that took longest, the longest task beside the median one.
 */
final class TaskTimes extends SparkListener {
  private final Map<Integer, List<Long>> byStage = new ConcurrentHashMap<>();
  private final Map<Integer, String> names = new ConcurrentHashMap<>();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    byStage
        .computeIfAbsent(end.stageId(), s -> Collections.synchronizedList(new ArrayList<>()))
        .add(end.taskInfo().duration());
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted done) {
    names.put(done.stageInfo().stageId(), done.stageInfo().name());
  }

  /**
   * One line per stage of the {@code top} that ran longest (summed task time) with at least two
   * tasks: {@code stage 12 (mapPartitionsToPair at ScanJob.java:204): 8 tasks, median 1.2 s,
   * longest 1.9 s (1.6x)}.
   */
  List<String> slowest(int top) {
    List<Map.Entry<Integer, List<Long>>> stages = new ArrayList<>();
    for (Map.Entry<Integer, List<Long>> e : byStage.entrySet()) {
      if (e.getValue().size() >= 2) {
        stages.add(e);
      }
    }
    stages.sort(
        Comparator.comparingLong(
                (Map.Entry<Integer, List<Long>> e) -> sum(e.getValue()))
            .reversed());
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Long>> e : stages.subList(0, Math.min(top, stages.size()))) {
      List<Long> times;
      synchronized (e.getValue()) {
        times = new ArrayList<>(e.getValue());
      }
      Collections.sort(times);
      long median = times.get(times.size() / 2);
      long longest = times.get(times.size() - 1);
      out.add(
          String.format(
              Locale.ROOT,
              "stage %d (%s): %d tasks, median %.2f s, longest %.2f s (%.1fx)",
              e.getKey(), names.getOrDefault(e.getKey(), "?"), times.size(), median / 1e3,
              longest / 1e3, median == 0 ? 0.0 : (double) longest / median));
    }
    return out;
  }

  private static long sum(List<Long> times) {
    synchronized (times) {
      long s = 0;
      for (long t : times) {
        s += t;
      }
      return s;
    }
  }
}
