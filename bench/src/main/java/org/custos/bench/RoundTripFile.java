package org.custos.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.ReadOptions;

/**
 * {@code RoundTripFile IN OUT}: reads a file with every value in memory and writes it again in its
 * own transfer syntax. {@code bench/run.sh} times it as a whole process next to dcmtk's
 * {@code dcmconv IN OUT}.
 */
public final class RoundTripFile {
  private RoundTripFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RoundTripFile IN OUT");
      System.exit(2);
    }
    DicomFile file = DicomReader.read(Path.of(args[0]), ReadOptions.DEFAULT.withAllValuesInMemory());
    try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
      DicomWriter.writeFile(out, file.fileMeta().orElseThrow(), file.dataSet(), file.transferSyntax(),
          BulkDataSource.NONE);
    }
  }
}
