package org.custos.dicom;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * PS3.5 A.5: the data set of the deflated transfer syntax is a raw DEFLATE stream (RFC 1951,
 * no zlib header). Streaming both ways, so a deflate bomb costs time, never memory.
 */
final class Deflation {
  private Deflation() {}

  static InputStream inflating(InputStream raw) {
    return new InflaterInputStream(raw, new Inflater(true), 16 * 1024) {
      @Override
      public void close() throws java.io.IOException {
        try {
          super.close();
        } finally {
          inf.end(); // a caller-supplied Inflater is not ended by close(); free its native memory now
        }
      }
    };
  }

  /** Call {@code finish()} when done; {@code close()} also releases the native deflater. */
  static DeflaterOutputStream deflating(OutputStream raw) {
    return new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 16 * 1024) {
      private boolean ended;

      @Override
      public void finish() throws java.io.IOException {
        if (ended) {
          return;
        }
        super.finish();
        def.end();
        ended = true;
      }
    };
  }
}
