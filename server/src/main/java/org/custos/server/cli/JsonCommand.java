package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.json.DicomJsonWriter;
import org.custos.dicom.json.FileBulkData;
import org.custos.dicom.json.JsonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custos dicom json FILE [--inline] [--pretty]}: the data set (without file meta) as the
 * DICOM JSON Model of PS3.18 Annex F on standard output.
 *
 * <p>Bulk values (OB, OD, OF, OL, OV, OW, UN, Pixel Data) longer than 1 KiB become a BulkDataURI
 * into the file, {@code file:///abs/path?offset=N&length=M}, with the flags of
 * {@link FileBulkData} ({@code bigEndian}, {@code deflated}: offsets in the inflated data set,
 * {@code encapsulated}: the Pixel Data Value Field); shorter ones are inline. With
 * {@code --inline} every value is InlineBinary, read from the file and swapped to little endian.
 */
@Command(name = "json", mixinStandardHelpOptions = true,
    description = "Print a DICOM file as PS3.18 DICOM JSON; bulk data over 1 KiB as file BulkDataURIs.")
final class JsonCommand implements Callable<Integer> {
  private static final long BULK_THRESHOLD_BYTES = 1024;

  @Parameters(index = "0", paramLabel = "FILE", description = "a DICOM file (PS3.10, or a bare data set)")
  Path file;

  @Option(names = "--inline", description = "write all bulk data as InlineBinary (base64) instead of BulkDataURIs")
  boolean inline;

  @Option(names = "--pretty", description = "indent the JSON")
  boolean pretty;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT.withBulkThresholdBytes(BULK_THRESHOLD_BYTES));
    FileBulkData bulk = FileBulkData.of(file, parsed);
    JsonOptions options = JsonOptions.DEFAULT
        .withBulkDataThresholdBytes(BULK_THRESHOLD_BYTES)
        .withUris(bulk.uris())
        .withBulkSource(bulk.source())
        .withInlineAll(inline)
        .withPretty(pretty);
    PrintWriter out = spec.commandLine().getOut();
    DicomJsonWriter.write(parsed.dataSet(), out, options);
    out.println();
    out.flush();
    return 0;
  }
}
