package org.custos.archive.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import org.custos.archive.ArchiveContext;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.retrieve.Retriever;
import org.custos.crypto.CryptoException;

/**
 * Reads stored instances for the web services, failing closed:
 * <ul>
 *   <li>{@link #openStream}: the whole stored object, decrypted and checked against the stored
 *       seal as it streams ({@link Retriever#open}): a mismatch surfaces as an
 *       {@link IntegrityFailureException} at the latest where the stream would end.
 *   <li>{@link #openChannel}: random access for frames, bulk data and transcoding; every segment
 *       read is authenticated (AEAD bound to archive, SOP Instance UID and version), so a blob
 *       edited, truncated or swapped for another instance's fails the read that touches it. The
 *       whole-object SHA-256 seal is not recomputed here: that would mean reading every byte.
 * </ul>
 * Either way an authentication failure becomes an {@link IntegrityFailureException} and an
 * {@code INTEGRITY_FAILURE} event naming the instance id. Thread-safe; each opened stream or
 * channel belongs to one thread.
 */
public final class InstanceBytes {
  private final ArchiveContext context;
  private final Retriever retriever;

  public InstanceBytes(ArchiveContext context, Retriever retriever) {
    this.context = Objects.requireNonNull(context, "context");
    this.retriever = Objects.requireNonNull(retriever, "retriever");
  }

  /** The stored bytes of {@code row}, seal-checked while read; the caller closes the stream. */
  public InputStream openStream(InstanceRow row, String sopInstanceUid) {
    return retriever.open(row, sopInstanceUid);
  }

  /** Random access to the stored bytes of {@code row}; the caller closes the channel. */
  public SeekableByteChannel openChannel(InstanceRow row, String sopInstanceUid) {
    try {
      return new Checked(retriever.openChannel(row, sopInstanceUid), row);
    } catch (CryptoException e) {
      throw failed(row, "the blob header does not authenticate", e);
    }
  }

  private IntegrityFailureException failed(InstanceRow row, String what, CryptoException cause) {
    String message = "instance " + row.instanceId() + ": " + what;
    context.index().write(session -> session.recordEvent(ArchiveEvent.of(context.clock().instant(),
        ArchiveEvent.Kind.INTEGRITY_FAILURE, row.instanceId(), message)));
    return new IntegrityFailureException(message, cause);
  }

  /** Turns the crypto layer's authentication failures into the archive's, with an event. */
  private final class Checked implements SeekableByteChannel {
    private final SeekableByteChannel plain;
    private final InstanceRow row;

    Checked(SeekableByteChannel plain, InstanceRow row) {
      this.plain = plain;
      this.row = row;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      try {
        return plain.read(dst);
      } catch (CryptoException e) {
        throw failed(row, "a segment of the blob does not authenticate", e);
      }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return plain.write(src);
    }

    @Override
    public long position() throws IOException {
      return plain.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
      plain.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return plain.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
      plain.truncate(size);
      return this;
    }

    @Override
    public boolean isOpen() {
      return plain.isOpen();
    }

    @Override
    public void close() throws IOException {
      plain.close();
    }
  }
}
