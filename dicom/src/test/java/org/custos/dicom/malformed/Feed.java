package org.custos.dicom.malformed;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;

/** How test bytes reach the reader: as a file of known length, a stream, or a stream that trickles. */
enum Feed {
  /** A stream whose length is given, as for a file or an HTTP body with Content-Length. */
  KNOWN_LENGTH {
    @Override
    DicomFile read(byte[] input, ReadOptions options) {
      return DicomReader.read(new ByteArrayInputStream(input), input.length, options);
    }
  },
  /** A stream of unknown length: lengths past the end show only when the bytes run out. */
  UNKNOWN_LENGTH {
    @Override
    DicomFile read(byte[] input, ReadOptions options) {
      return DicomReader.read(new ByteArrayInputStream(input), options);
    }
  },
  /** A stream of unknown length that returns one byte per read call, like a slow socket. */
  ONE_BYTE_AT_A_TIME {
    @Override
    DicomFile read(byte[] input, ReadOptions options) {
      return DicomReader.read(new Trickle(input), options);
    }
  };

  abstract DicomFile read(byte[] input, ReadOptions options);

  /** Returns at most one byte per call and skips nothing, so every buffer boundary is exercised. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private int position;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position >= bytes.length) {
        return -1;
      }
      into[offset] = bytes[position++];
      return 1;
    }

    @Override
    public long skip(long n) {
      return 0;
    }
  }
}
