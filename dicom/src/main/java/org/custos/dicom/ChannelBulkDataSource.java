package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads bulk values back from any random-access source of the bytes they were parsed from (a
 * file, a decrypting channel over an encrypted blob): a positioned read for ordinary data sets,
 * re-inflation from the start of the data set for deflated ones (PS3.5 A.5 has no random
 * access). Thread-safe when the opener is: every {@link #open} opens its own channel, and closing
 * the returned stream closes it.
 */
public final class ChannelBulkDataSource implements BulkDataSource {
  /** Opens a new channel over the source, positioned anywhere. */
  @FunctionalInterface
  public interface ChannelOpener {
    SeekableByteChannel open() throws IOException;
  }

  private final ChannelOpener opener;
  private final long dataSetOffset;

  /**
   * @param dataSetOffset where the data set starts in the source ({@link DicomFile#dataSetOffset()}),
   *     needed for deflated data sets only
   */
  public ChannelBulkDataSource(ChannelOpener opener, long dataSetOffset) {
    this.opener = opener;
    this.dataSetOffset = dataSetOffset;
  }

  @Override
  public InputStream open(BulkRef ref) throws IOException {
    SeekableByteChannel channel = opener.open();
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
