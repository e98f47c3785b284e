package org.custos.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bytes per second on a large uncompressed instance: 128 frames of the 512x512 CT, 64 MiB of
 * pixel data, generated in memory at set-up. Single-threaded.
 *
 * <p>Not final and public because JMH generates subclasses in another package.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class MultiFrameBenchmark {
  private final CountingOutputStream sink = new CountingOutputStream();
  private byte[] bytes;

  @Setup
  public void generate() {
    bytes = BenchInputs.multiFrame(BenchInputs.load(BenchInputs.CT_512), BenchInputs.MULTI_FRAME_COUNT);
    byte[] written = RoundTrip.toBytes(read());
    if (!Arrays.equals(written, bytes)) {
      throw new IllegalStateException("multi-frame round trip is not byte-identical");
    }
  }

  /** Every value, the 64 MiB of pixel data included, copied into memory. */
  @Benchmark
  public DataSet fullParse() {
    return read().dataSet();
  }

  /** Full parse, then the whole file written again in its own transfer syntax. */
  @Benchmark
  public long roundTrip() throws IOException {
    DicomFile file = read();
    CountingOutputStream out = sink.reset();
    DicomWriter.writeFile(out, file.fileMeta().orElseThrow(), file.dataSet(), file.transferSyntax(),
        BulkDataSource.NONE);
    return out.count();
  }

  private DicomFile read() {
    return DicomReader.read(new ByteArrayInputStream(bytes), bytes.length, CtInstanceBenchmark.ALL_IN_MEMORY);
  }
}
