package org.custos.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the multi-frame instance {@link MultiFrameBenchmark} generates into the input
 * directory, so that dcmtk is timed on the same bytes. Used by {@code bench/run.sh}.
 */
public final class WriteMultiFrame {
  private WriteMultiFrame() {}

  public static void main(String[] args) throws IOException {
    byte[] bytes = BenchInputs.multiFrame(BenchInputs.load(BenchInputs.CT_512), BenchInputs.MULTI_FRAME_COUNT);
    Path target = BenchInputs.directory().resolve(BenchInputs.MULTI_FRAME);
    Files.write(target, bytes);
    System.out.println(target + " " + bytes.length);
  }
}
