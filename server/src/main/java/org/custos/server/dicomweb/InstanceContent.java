package org.custos.server.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.custos.archive.query.InstanceBytes;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.ChannelBulkDataSource;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.TransferSyntax;

/**
 * A stored instance parsed for random access: the header and every value up to
 * {@value #IN_MEMORY_BYTES} bytes in memory, larger values (pixel data, fragments) left as
 * references that {@link #bulk()} reads on demand through {@link InstanceBytes#openChannel}, so
 * that one frame costs the segments it spans, not the whole object. Every byte is authenticated
 * as read; failures are {@code IntegrityFailureException}s. Immutable; {@link #bulk()} may be used
 * from several threads (each read opens its own channel).
 */
public final class InstanceContent {
  static final long IN_MEMORY_BYTES = 16 * 1024;

  private final StoredInstance instance;
  private final DicomFile file;
  private final BulkDataSource bulk;

  private InstanceContent(StoredInstance instance, DicomFile file, BulkDataSource bulk) {
    this.instance = instance;
    this.file = file;
    this.bulk = bulk;
  }

  public static InstanceContent open(InstanceBytes bytes, StoredInstance instance) {
    DicomFile file;
    try (SeekableByteChannel channel = bytes.openChannel(instance.row(), instance.sopInstanceUid());
        InputStream in = Channels.newInputStream(channel)) {
      file = DicomReader.read(in, channel.size(), ReadOptions.DEFAULT.withBulkThresholdBytes(IN_MEMORY_BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored instance " + instance.row().instanceId(), e);
    }
    BulkDataSource bulk = new ChannelBulkDataSource(
        () -> bytes.openChannel(instance.row(), instance.sopInstanceUid()), file.dataSetOffset());
    return new InstanceContent(instance, file, bulk);
  }

  public StoredInstance instance() {
    return instance;
  }

  public DicomFile file() {
    return file;
  }

  public TransferSyntax transferSyntax() {
    return file.transferSyntax();
  }

  /** Reads the values {@link #file()} left in storage. */
  public BulkDataSource bulk() {
    return bulk;
  }

  @Override
  public String toString() {
    return "InstanceContent[" + instance.row().instanceId() + "]";
  }
}
