package org.custos.bench;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dump.DumpFormatter;

/**
 * {@code DumpFiles FILE...}: parses each file and prints its element tree, like {@code custos dicom
 * dump} (same read options) but without the CLI framework. {@code bench/run.sh} times it as a
 * whole process next to dcmtk's {@code dcmdump}, which takes several files the same way.
 */
public final class DumpFiles {
  private DumpFiles() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64 * 1024));
    for (String arg : args) {
      DumpFormatter.print(DicomReader.read(Path.of(arg), ReadOptions.DEFAULT.withBulkThresholdBytes(256)), out);
    }
    out.flush();
  }
}
