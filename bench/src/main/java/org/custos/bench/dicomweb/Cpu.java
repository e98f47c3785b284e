package org.custos.bench.dicomweb;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of a process, to say how much of the two cores a figure cost each side:
 * on a shared machine, CPU per instance moves less with the neighbours' load than the rate does.
 * Linux only ({@code /proc/PID/stat}, in clock ticks of 10 ms).
 */
public final class Cpu {
  private static final double TICK_NANOS = 1e7; // USER_HZ is 100 on every Linux ABI this runs on

  private Cpu() {}

  /** CPU nanoseconds used so far by process {@code pid} (its threads included, children not). */
  public static long nanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // proc(5): the command name in parentheses may contain spaces; utime and stime are fields
      // 14 and 15, i.e. the 12th and 13th after the closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
    }
  }

  /** CPU nanoseconds used so far by this JVM (every thread, the harness's own servers included). */
  public static long selfNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The 1-minute load average, as /proc/loadavg prints it. */
  public static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
