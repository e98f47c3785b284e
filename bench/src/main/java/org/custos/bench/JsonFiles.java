package org.custos.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.json.DicomJsonWriter;
import org.custos.dicom.json.JsonOptions;

/**
 * {@code JsonFiles FILE...}: parses each file with every value in memory and prints its data set
 * as compact DICOM JSON, pixel data inline. {@code bench/run.sh} times it as a whole process next
 * to dcmtk's {@code dcm2json -fc}, which writes the same model.
 */
public final class JsonFiles {
  private JsonFiles() {}

  public static void main(String[] args) throws IOException {
    OutputStream out = new BufferedOutputStream(System.out, 64 * 1024);
    for (String arg : args) {
      DicomJsonWriter.write(DicomReader.read(Path.of(arg), ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet(),
          out, JsonOptions.DEFAULT);
      out.write('\n');
    }
    out.flush();
  }
}
