package org.custos.dicom.malformed;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Bytes allocated on the current thread while something runs: garbage included, so a parser that
 * allocates what a lying header declares shows up even when the garbage collector hides it from
 * heap figures. Needs the HotSpot {@code com.sun.management.ThreadMXBean} extension.
 */
final class Allocations {
  private Allocations() {}

  record Measured<T>(T result, long allocatedBytes) {}

  static <T> Measured<T> measure(Supplier<T> work) {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    T result = work.get();
    return new Measured<>(result, threads.getThreadAllocatedBytes(thread) - before);
  }
}
