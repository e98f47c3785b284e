package org.custos.storage.blob.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one blob into a temp file under {@code tmp/}; {@link #commit()} forces the file, links it
 * under its final name (link(2) refuses an existing name, so nothing is ever replaced), forces
 * the target directory and drops the temp name. Any failure removes what was written and leaves
 * the writer failed. Not thread-safe.
 */
final class FileBlobWriter implements BlobWriter {
  private static final Logger LOG = LoggerFactory.getLogger(FileBlobWriter.class);
  private static final int BUFFER_BYTES = 64 * 1024;

  private enum State {
    OPEN,
    COMMITTED,
    DISCARDED,
    FAILED
  }

  private final FanOut layout;
  private final Directories directories;
  private final String store;
  private final BlobId id;
  private final Path temp;
  private final FileChannel channel;
  private final Output output = new Output();
  private long bytesWritten;
  private State state = State.OPEN;
  private StorageException failure;

  FileBlobWriter(
      FanOut layout,
      Directories directories,
      String store,
      BlobId id,
      Path temp,
      FileChannel channel) {
    this.layout = layout;
    this.directories = directories;
    this.store = store;
    this.id = id;
    this.temp = temp;
    this.channel = channel;
  }

  @Override
  public OutputStream stream() {
    return output;
  }

  @Override
  public void commit() {
    requireOpen();
    Path target = layout.pathOf(id);
    boolean linked = false;
    try {
      output.drain();
      channel.force(true);
      channel.close();
      directories.create(target.getParent());
      Files.createLink(target, temp);
      linked = true;
      Directories.force(target.getParent());
    } catch (FileAlreadyExistsException e) {
      throw fail(new StorageException(
          "blob " + id + " already exists in " + store + "; it is never overwritten", e), false);
    } catch (IOException e) {
      throw fail(translate("commit", e), linked);
    }
    state = State.COMMITTED;
    try {
      Files.delete(temp);
    } catch (IOException e) {
      // The blob is durable under its name; the extra name is swept by sweepIncomplete.
      LOG.warn("blob {} committed in {}, but its temp file stays until the next sweep", id, store, e);
    }
  }

  @Override
  public void close() {
    if (state != State.OPEN) {
      return;
    }
    state = State.DISCARDED;
    StorageException cleanupFailure = removeTemp(null);
    if (cleanupFailure != null) {
      throw cleanupFailure;
    }
  }

  private void requireOpen() {
    switch (state) {
      case OPEN -> {}
      case FAILED -> throw new StorageException(
          "blob " + id + " in " + store + " cannot be committed: an earlier write failed", failure);
      case COMMITTED -> throw new IllegalStateException("blob " + id + " is already committed");
      case DISCARDED -> throw new IllegalStateException("writer of blob " + id + " is closed");
    }
  }

  private StorageException translate(String operation, IOException e) {
    if (OutOfSpace.means(e, layout.root())) {
      return new StorageFullException(
          store + " is full: " + operation + " of blob " + id + " failed after " + bytesWritten
              + " bytes; the blob was rolled back", e);
    }
    return new StorageException(
        operation + " of blob " + id + " in " + store + " failed after " + bytesWritten + " bytes",
        e);
  }

  /** Rolls back (temp file, and the final name if this writer created it) and remembers why. */
  private StorageException fail(StorageException cause, boolean removeTarget) {
    state = State.FAILED;
    failure = cause;
    if (removeTarget) {
      try {
        Files.deleteIfExists(layout.pathOf(id));
      } catch (IOException e) {
        cause.addSuppressed(e);
      }
    }
    removeTemp(cause);
    return cause;
  }

  /** Closes the channel and deletes the temp file; returns or records the failure to do so. */
  private StorageException removeTemp(StorageException primary) {
    IOException problem = null;
    try {
      channel.close();
    } catch (IOException e) {
      problem = e;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      if (problem == null) {
        problem = e;
      } else {
        problem.addSuppressed(e);
      }
    }
    if (problem == null) {
      return null;
    }
    if (primary != null) {
      primary.addSuppressed(problem);
      return primary;
    }
    return new StorageException(
        "discarding blob " + id + " in " + store + " left a temp file for the next sweep", problem);
  }

  /**
   * The blob's bytes, buffered 64 KiB at a time. I/O failures leave as unchecked
   * {@link StorageException}s (the port's error type), after the rollback.
   */
  private final class Output extends OutputStream {
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    @Override
    public void write(int b) {
      requireWritable();
      if (!buffer.hasRemaining()) {
        drainOrFail();
      }
      buffer.put((byte) b);
      bytesWritten++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      requireWritable();
      if (length > buffer.remaining()) {
        drainOrFail();
      }
      if (length >= buffer.capacity()) {
        try {
          writeFully(ByteBuffer.wrap(bytes, offset, length));
        } catch (IOException e) {
          throw fail(translate("write", e), false);
        }
      } else {
        buffer.put(bytes, offset, length);
      }
      bytesWritten += length;
    }

    @Override
    public void flush() {
      requireWritable();
      drainOrFail();
    }

    /** Does not discard the blob: {@link BlobWriter#close()} and commit decide its fate. */
    @Override
    public void close() {}

    private void requireWritable() {
      if (state != State.OPEN) {
        requireOpen();
      }
    }

    private void drainOrFail() {
      try {
        drain();
      } catch (IOException e) {
        throw fail(translate("write", e), false);
      }
    }

    void drain() throws IOException {
      buffer.flip();
      writeFully(buffer);
      buffer.clear();
    }

    private void writeFully(ByteBuffer source) throws IOException {
      while (source.hasRemaining()) {
        channel.write(source);
      }
    }
  }
}
