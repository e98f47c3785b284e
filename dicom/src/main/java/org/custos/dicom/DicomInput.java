package org.custos.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered reader over an InputStream that counts the bytes consumed, so that every error can
 * name its offset. Not thread-safe; owned by one parser.
 */
final class DicomInput {
  private static final int BUFFER_BYTES = 16 * 1024;
  private static final int MIN_BUFFER_BYTES = 512;

  private InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;
  /** Stream offset of buffer[0]. */
  private long bufferStart;

  DicomInput(InputStream in, long startOffset) {
    this(in, startOffset, -1);
  }

  /** @param sizeHint the input length when known: small inputs get a small buffer */
  DicomInput(InputStream in, long startOffset, long sizeHint) {
    this.in = in;
    this.buffer = new byte[sizeHint < 0 ? BUFFER_BYTES : (int) Math.max(MIN_BUFFER_BYTES, Math.min(BUFFER_BYTES, sizeHint))];
    this.bufferStart = startOffset;
  }

  /** Offset of the next byte to be read. */
  long offset() {
    return bufferStart + position;
  }

  /**
   * Replaces the underlying stream by {@code wrapper(remaining)} — used to switch to inflated
   * input after the file meta (PS3.5 A.5). Offsets continue from zero of the new stream.
   */
  void switchTo(java.util.function.UnaryOperator<InputStream> wrapper) {
    InputStream remaining = new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream(buffer, position, limit - position), in);
    in = wrapper.apply(remaining);
    position = 0;
    limit = 0;
    bufferStart = 0;
  }

  /** True when no byte is left. */
  boolean atEnd() {
    return !ensure(1);
  }

  /** Tries to have {@code count} bytes buffered; false at end of stream. */
  private boolean ensure(int count) {
    if (limit - position >= count) {
      return true;
    }
    if (count > buffer.length) {
      throw new IllegalArgumentException("cannot buffer " + count + " bytes in " + buffer.length);
    }
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferStart += position;
      limit -= position;
      position = 0;
    }
    while (limit < count) {
      int n = readUnderlying(buffer, limit, buffer.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
    }
    return true;
  }

  private int readUnderlying(byte[] into, int off, int len) {
    try {
      return in.read(into, off, len);
    } catch (EOFException e) {
      return -1;
    } catch (java.util.zip.ZipException e) {
      throw new InvalidStructureException(offset(), DicomParseException.NO_TAG,
          "deflated data set is corrupt (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new DicomIoException("cannot read DICOM input at byte " + offset(), e);
    }
  }

  int peekByte(int ahead) {
    if (!ensure(ahead + 1)) {
      return -1;
    }
    return buffer[position + ahead] & 0xFF;
  }

  /** How many bytes are buffered and readable right now without blocking for more. */
  int available(int wanted) {
    ensure(Math.min(wanted, buffer.length));
    return limit - position;
  }

  int u16(boolean bigEndian, int tag) {
    need(2, tag, "2-byte field");
    int b0 = buffer[position] & 0xFF;
    int b1 = buffer[position + 1] & 0xFF;
    position += 2;
    return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
  }

  int i32(boolean bigEndian, int tag) {
    need(4, tag, "4-byte field");
    int b0 = buffer[position] & 0xFF;
    int b1 = buffer[position + 1] & 0xFF;
    int b2 = buffer[position + 2] & 0xFF;
    int b3 = buffer[position + 3] & 0xFF;
    position += 4;
    return bigEndian
        ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3
        : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
  }

  /** Reads a tag: two 16-bit numbers, group then element. */
  int tag(boolean bigEndian) {
    int group = u16(bigEndian, DicomParseException.NO_TAG);
    int element = u16(bigEndian, DicomParseException.NO_TAG);
    return (group << 16) | element;
  }

  void readFully(byte[] into, int off, int len, int tag) {
    int done = 0;
    while (done < len) {
      if (position == limit) {
        if (len - done >= buffer.length) {
          int n = readUnderlying(into, off + done, len - done);
          if (n < 0) {
            throw truncated(tag, len - done);
          }
          bufferStart += n;
          done += n;
          continue;
        }
        if (!ensure(1)) {
          throw truncated(tag, len - done);
        }
      }
      int n = Math.min(len - done, limit - position);
      System.arraycopy(buffer, position, into, off + done, n);
      position += n;
      done += n;
    }
  }

  /**
   * Reads a value of {@code length} bytes. Memory grows with the bytes actually present, so a
   * lying length (say 0xFFFFFFF0) ends in a truncation error, not an OutOfMemoryError.
   */
  byte[] readValue(long length, int tag) {
    return readValue(length, tag, false);
  }

  /**
   * @param lengthVerified the caller has checked that {@code length} bytes remain in an input of
   *     known size, so the value can be allocated at once instead of growing with what arrives
   */
  byte[] readValue(long length, int tag, boolean lengthVerified) {
    if (length <= BUFFER_BYTES * 4L || (lengthVerified && length <= Integer.MAX_VALUE - 8)) {
      byte[] value = new byte[(int) length];
      readFully(value, 0, value.length, tag);
      return value;
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new InvalidLengthException(offset(), tag,
          "value of " + length + " bytes is too large to hold in memory");
    }
    byte[] value = new byte[BUFFER_BYTES * 4];
    int filled = 0;
    while (filled < length) {
      if (filled == value.length) {
        value = java.util.Arrays.copyOf(value, (int) Math.min(length, (long) value.length * 2));
      }
      int chunk = (int) Math.min(length - filled, value.length - filled);
      readFully(value, filled, chunk, tag);
      filled += chunk;
    }
    return value;
  }

  void skip(long count, int tag) {
    long left = count;
    long buffered = limit - position;
    if (left > buffered + BUFFER_BYTES) {
      position = limit;
      left -= buffered;
      left -= skipUnderlying(left - BUFFER_BYTES);
    }
    while (left > 0) {
      if (position == limit && !ensure(1)) {
        throw truncated(tag, left);
      }
      int n = (int) Math.min(left, limit - position);
      position += n;
      left -= n;
    }
  }

  /** Skips in the underlying stream (a seek for files); returns the bytes skipped. */
  private long skipUnderlying(long count) {
    long done = 0;
    try {
      while (done < count) {
        long n = in.skip(count - done);
        if (n <= 0) {
          break;
        }
        done += n;
      }
    } catch (EOFException e) {
      // An inflater reports the end of its input this way; the caller sees the shortfall.
    } catch (java.util.zip.ZipException e) {
      throw new InvalidStructureException(offset(), DicomParseException.NO_TAG,
          "deflated data set is corrupt (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new DicomIoException("cannot skip in DICOM input at byte " + offset(), e);
    }
    bufferStart += done;
    return done;
  }

  /** Copies {@code count} bytes to {@code out}. */
  void transferTo(java.io.OutputStream out, long count, int tag) throws IOException {
    long left = count;
    while (left > 0) {
      if (position == limit && !ensure(1)) {
        throw truncated(tag, left);
      }
      int n = (int) Math.min(left, limit - position);
      out.write(buffer, position, n);
      position += n;
      left -= n;
    }
  }

  private void need(int count, int tag, String what) {
    if (!ensure(count)) {
      throw new TruncatedInputException(offset(), tag,
          "input ended inside a " + what + " (" + (limit - position) + " of " + count + " bytes present)");
    }
  }

  private TruncatedInputException truncated(int tag, long missing) {
    return new TruncatedInputException(offset(), tag,
        "input ended " + missing + " bytes before the end of a value");
  }
}
