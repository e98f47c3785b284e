package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads bulk values back from the file they were parsed from: a positioned read for ordinary
 * files, re-inflation from the start of the data set for deflated ones (PS3.5 A.5 has no random
 * access). Thread-safe: every {@link #open} opens its own channel.
 */
public final class FileBulkDataSource implements BulkDataSource {
  private final ChannelBulkDataSource channels;

  /**
   * @param file the source file
   * @param dataSetOffset where the data set starts in the file ({@link DicomFile#dataSetOffset()}),
   *     needed for deflated files only
   */
  public FileBulkDataSource(Path file, long dataSetOffset) {
    this.channels = new ChannelBulkDataSource(() -> FileChannel.open(file, StandardOpenOption.READ), dataSetOffset);
  }

  public static FileBulkDataSource of(Path file, DicomFile parsed) {
    return new FileBulkDataSource(file, parsed.dataSetOffset());
  }

  @Override
  public InputStream open(BulkRef ref) throws IOException {
    return channels.open(ref);
  }
}
