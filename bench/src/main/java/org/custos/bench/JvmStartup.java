package org.custos.bench;

/**
 * Does nothing. {@code bench/run.sh} times it as a whole process to show how much of the
 * whole-process Custos figures is the JVM starting on this jar, rather than Custos at work.
 */
public final class JvmStartup {
  private JvmStartup() {}

  public static void main(String[] args) {
    // Intentionally empty.
  }
}
