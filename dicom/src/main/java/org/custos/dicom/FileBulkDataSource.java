package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads bulk values back from the file they were parsed from: a positioned read for ordinary
 * files, re-inflation from the start of the data set for deflated ones (PS3.5 A.5 has no random
 * access). Thread-safe: every {@link #open} opens its own channel.
 */
public final class FileBulkDataSource implements BulkDataSource {
  private final Path file;
  private final long dataSetOffset;

  /**
   * @param file the source file
   * @param dataSetOffset where the data set starts in the file ({@link DicomFile#dataSetOffset()}),
   *     needed for deflated files only
   */
  public FileBulkDataSource(Path file, long dataSetOffset) {
    this.file = file;
    this.dataSetOffset = dataSetOffset;
  }

  public static FileBulkDataSource of(Path file, DicomFile parsed) {
    return new FileBulkDataSource(file, parsed.dataSetOffset());
  }

  @Override
  public InputStream open(BulkRef ref) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      if (!ref.inDeflatedStream()) {
        channel.position(ref.offset());
        return new BoundedInputStream(Channels.newInputStream(channel), ref.length());
      }
      channel.position(dataSetOffset);
      InputStream inflated = Deflation.inflating(Channels.newInputStream(channel));
      inflated.skipNBytes(ref.offset());
      return new BoundedInputStream(inflated, ref.length());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
