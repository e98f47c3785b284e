package org.custos.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dump.DumpFormatter;
import org.custos.dicom.json.DicomJsonWriter;
import org.custos.dicom.json.JsonOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One CT instance at a time, single-threaded: operations per second are instances per second
 * per core. Inputs are whole PS3.10 files held in a byte array.
 *
 * <p>Not final and public because JMH generates subclasses in another package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class CtInstanceBenchmark {
  static final ReadOptions HEADER_ONLY = ReadOptions.DEFAULT.withStopBeforePixelData(true);
  static final ReadOptions ALL_IN_MEMORY = ReadOptions.DEFAULT.withAllValuesInMemory();
  /** What {@code custos dicom dump} reads with. */
  static final ReadOptions DUMP = ReadOptions.DEFAULT.withBulkThresholdBytes(256);

  /** File names in the input directory that {@code bench/run.sh} prepares. */
  @Param({"ct-512x512.dcm", "ct-128x128.dcm", "ct-16x16.dcm"})
  public String input;

  private final CountingOutputStream sink = new CountingOutputStream();
  private byte[] bytes;
  private DataSet header;
  private DataSet everything;

  @Setup
  public void load() throws IOException {
    bytes = BenchInputs.load(input);
    // The round trip must be the identity, or its bytes per second would measure something else.
    byte[] written = RoundTrip.toBytes(read(ALL_IN_MEMORY));
    if (!Arrays.equals(written, bytes)) {
      throw new IllegalStateException(input + ": round trip is not byte-identical (" + written.length
          + " bytes written, " + bytes.length + " read)");
    }
    header = read(HEADER_ONLY).dataSet();
    everything = read(ALL_IN_MEMORY).dataSet();
  }

  /** Header only: stops at (7FE0,0010), as an index or a C-FIND responder would. */
  @Benchmark
  public DataSet headerOnlyParse() {
    return read(HEADER_ONLY).dataSet();
  }

  /** Every value, pixel data included, copied into memory. */
  @Benchmark
  public DataSet fullParse() {
    return read(ALL_IN_MEMORY).dataSet();
  }

  /** Full parse, then the whole file written again in its own transfer syntax. */
  @Benchmark
  public long roundTrip() throws IOException {
    DicomFile file = read(ALL_IN_MEMORY);
    CountingOutputStream out = sink.reset();
    DicomWriter.writeFile(out, file.fileMeta().orElseThrow(), file.dataSet(), file.transferSyntax(),
        BulkDataSource.NONE);
    return out.count();
  }

  /**
   * Parse and print the element tree, as {@code custos dicom dump} does: the in-process
   * counterpart of dcmdump run over many files in one process.
   */
  @Benchmark
  @Warmup(iterations = 10, time = 1) // measured: still speeding up after 5 s of warm-up on 2 busy cores
  public long parseAndDump() {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(sink.reset(), StandardCharsets.UTF_8));
    DumpFormatter.print(read(DUMP), out);
    out.flush();
    return sink.count();
  }

  /** DICOM JSON (PS3.18 F) of the header parsed at set-up, compact UTF-8: the encoder alone. */
  @Benchmark
  public long jsonEncode() throws IOException {
    CountingOutputStream out = sink.reset();
    DicomJsonWriter.write(header, out, JsonOptions.DEFAULT);
    return out.count();
  }

  /**
   * DICOM JSON of the whole data set parsed at set-up, pixel data inline as base64 (F.2.7): the
   * output dcm2json writes.
   */
  @Benchmark
  public long jsonEncodeWithPixelData() throws IOException {
    CountingOutputStream out = sink.reset();
    DicomJsonWriter.write(everything, out, JsonOptions.DEFAULT);
    return out.count();
  }

  private DicomFile read(ReadOptions options) {
    return DicomReader.read(new ByteArrayInputStream(bytes), bytes.length, options);
  }
}
