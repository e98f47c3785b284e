package org.custos.bench.log;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of durations, in microseconds (nearest-rank). */
record Latencies(int count, double p50Micros, double p99Micros, double maxMicros, double meanMicros) {
  static Latencies of(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0);
    return new Latencies(sorted.length, rank(sorted, 0.50) / 1e3, rank(sorted, 0.99) / 1e3,
        sorted[sorted.length - 1] / 1e3, mean / 1e3);
  }

  private static long rank(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1];
  }

  String row(String what) {
    return String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f | %.0f |", what, count, p50Micros, p99Micros,
        maxMicros, meanMicros);
  }
}
