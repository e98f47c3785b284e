package org.custos.dicom.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk command-line tools; a missing tool fails the test, it never skips it. */
final class Dcmtk {
  private static final long TIMEOUT_SECONDS = 120;

  private Dcmtk() {}

  /** Runs {@code tool} with {@code args}; fails with the tool's output unless it exits 0. */
  static String run(String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("dcmtk is required for this test but '" + tool
          + "' cannot be started (install dcmtk, e.g. apt-get install dcmtk)", e);
    }
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new AssertionError("cannot read the output of " + tool, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new AssertionError("interrupted while running " + tool, e);
    }
  }
}
