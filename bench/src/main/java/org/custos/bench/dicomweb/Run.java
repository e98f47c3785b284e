package org.custos.bench.dicomweb;

import java.util.Arrays;

/**
 * What one measured run of {@link Clients} did: instances and bytes moved, requests, wall time,
 * every request's latency, and the CPU time the harness JVM (the clients) and the server process
 * used meanwhile.
 */
public record Run(int instances, long bytes, int requests, long wallNanos, long[] latencyNanos, long clientCpuNanos,
    long serverCpuNanos) {
  public Run {
    latencyNanos = latencyNanos.clone();
    Arrays.sort(latencyNanos);
  }

  public double instancesPerSecond() {
    return instances / (wallNanos / 1e9);
  }

  /** 10^6 bytes of DICOM files per second. */
  public double mbPerSecond() {
    return bytes / 1e6 / (wallNanos / 1e9);
  }

  /** The {@code quantile} (0..1] of the request latencies in milliseconds, nearest rank. */
  public double latencyMillis(double quantile) {
    int rank = Math.max(1, (int) Math.ceil(quantile * latencyNanos.length));
    return latencyNanos[rank - 1] / 1e6;
  }

  public double serverCpuMillisPerInstance() {
    return serverCpuNanos / 1e6 / instances;
  }

  public double clientCpuMillisPerInstance() {
    return clientCpuNanos / 1e6 / instances;
  }

  /** Both runs as one, e.g. a run repeated; rates over the summed wall time. */
  public Run plus(Run other) {
    long[] all = Arrays.copyOf(latencyNanos, latencyNanos.length + other.latencyNanos.length);
    System.arraycopy(other.latencyNanos, 0, all, latencyNanos.length, other.latencyNanos.length);
    return new Run(instances + other.instances, bytes + other.bytes, requests + other.requests,
        wallNanos + other.wallNanos, all, clientCpuNanos + other.clientCpuNanos, serverCpuNanos + other.serverCpuNanos);
  }
}
