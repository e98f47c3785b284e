package org.custos.dicom;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeMultiFrameIT}: parses a file with bulk
 * values left in place, prints what it found, then streams the whole file back out through the
 * writer into a counting sink.
 */
public final class LargeFileProbe {
  private LargeFileProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    DicomFile parsed = DicomReader.read(file, ReadOptions.DEFAULT);
    DataSet ds = parsed.dataSet();
    BulkRef pixels = ((Value.Bulk) ds.get(Tag.PIXEL_DATA).orElseThrow().value()).ref();
    long frameBytes = (long) ds.getInt(0x00280010).orElseThrow() * ds.getInt(0x00280011).orElseThrow()
        * (ds.getInt(0x00280100).orElseThrow() / 8) * ds.getInt(0x00280002).orElse(1);
    int frames = ds.getInt(0x00280008).orElseThrow();
    System.out.println("elements=" + ds.size() + " pixelOffset=" + pixels.offset() + " pixelLength=" + pixels.length()
        + " frames=" + frames + " lastFrameOffset=" + (pixels.offset() + (frames - 1) * frameBytes));
    long[] count = new long[1];
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    };
    DicomWriter.writeFile(sink, parsed.fileMeta().orElseThrow(), ds, parsed.transferSyntax(),
        FileBulkDataSource.of(file, parsed));
    System.out.println("written=" + count[0] + " maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
