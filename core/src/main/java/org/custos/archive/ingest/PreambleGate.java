package org.custos.archive.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.custos.dicom.Preamble;

/**
 * Zeroes the 128-byte preamble of a PS3.10 file before anything is stored (DESIGN.md T7: a
 * preamble can make the file a valid executable as well), keeping it only when it is a TIFF
 * header (PS3.10 7.5 dual-format files). Input without the "DICM" prefix passes unchanged.
 */
final class PreambleGate {
  private static final int PREFIX = Preamble.LENGTH + 4;

  /** The input with its preamble handled, and what was there. */
  record Gated(InputStream stream, boolean zeroed, Preamble.Kind originalKind) {}

  private PreambleGate() {}

  static Gated open(InputStream in) throws IOException {
    byte[] prefix = in.readNBytes(PREFIX);
    boolean part10 = prefix.length == PREFIX && prefix[128] == 'D' && prefix[129] == 'I' && prefix[130] == 'C'
        && prefix[131] == 'M';
    Preamble.Kind kind = Preamble.Kind.ZERO;
    boolean zeroed = false;
    if (part10) {
      Preamble preamble = Preamble.of(Arrays.copyOf(prefix, Preamble.LENGTH));
      kind = preamble.kind();
      if (preamble.shouldBeZeroed()) {
        Arrays.fill(prefix, 0, Preamble.LENGTH, (byte) 0);
        zeroed = true;
      }
    }
    return new Gated(new SequenceInputStream(new ByteArrayInputStream(prefix), in), zeroed, kind);
  }
}
