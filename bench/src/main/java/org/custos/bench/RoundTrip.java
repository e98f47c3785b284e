package org.custos.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomWriter;

/** Writes a parsed file back, for the identity checks the benchmarks make before measuring. */
final class RoundTrip {
  private RoundTrip() {}

  static byte[] toBytes(DicomFile file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      DicomWriter.writeFile(out, file.fileMeta().orElseThrow(), file.dataSet(), file.transferSyntax(),
          BulkDataSource.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
