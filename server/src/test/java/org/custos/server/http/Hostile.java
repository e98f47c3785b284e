package org.custos.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile PS3.10 files made by the test (large inputs are generated, not committed), in Explicit VR
 * Little Endian as tools/make_synthetic.py builds the corpus' own: deeper nesting than the corpus
 * has, and a deflate bomb whose large element comes after Series Instance UID, where the archive's
 * read-ahead no longer bounds it. Each has its own SOP Instance, Study and Series UIDs.
 */
final class Hostile {
  static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String DEFLATED = "1.2.840.10008.1.2.1.99";
  static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

  private Hostile() {}

  /** A file and the UIDs in it. */
  record File(byte[] bytes, String sop, String study, String series) {}

  /** {@code depth} nested undefined-length sequences (0040,A730), each with one item, after the identifying header. */
  static File nested(int depth) {
    String sop = Corpus.uid();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes(header(sop, sop + ".1", sop + ".2"));
    for (int i = 0; i < depth; i++) {
      data.writeBytes(tag(0x0040, 0xA730));
      data.writeBytes(ascii("SQ"));
      data.writeBytes(new byte[2]);
      data.writeBytes(u32(0xFFFFFFFF));
      data.writeBytes(tag(0xFFFE, 0xE000));
      data.writeBytes(u32(0xFFFFFFFF));
    }
    data.writeBytes(element(0x0008, 0x0100, "SH", ascii("LEAF")));
    for (int i = 0; i < depth; i++) {
      data.writeBytes(tag(0xFFFE, 0xE00D));
      data.writeBytes(u32(0));
      data.writeBytes(tag(0xFFFE, 0xE0DD));
      data.writeBytes(u32(0));
    }
    return new File(concat(meta(EXPLICIT_LE, sop), data.toByteArray()), sop, sop + ".1", sop + ".2");
  }

  /**
   * A Deflated Explicit VR Little Endian file whose data set inflates to {@code inflatedBytes} zero
   * bytes of a private OB element placed after Series Instance UID: a few hundred KiB on the wire.
   */
  static File deflateBomb(long inflatedBytes) {
    String sop = Corpus.uid();
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true); // PS3.5 A.5: raw deflate, no zlib header
    try (OutputStream out = new DeflaterOutputStream(compressed, deflater, 64 * 1024)) {
      out.write(header(sop, sop + ".1", sop + ".2"));
      out.write(element(0x0029, 0x0010, "LO", ascii("HOSTILE ")));
      out.write(tag(0x0029, 0x1010));
      out.write(ascii("OB"));
      out.write(new byte[2]);
      out.write(u32((int) inflatedBytes));
      byte[] zeros = new byte[1 << 20];
      for (long left = inflatedBytes; left > 0; left -= zeros.length) {
        out.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    byte[] deflated = compressed.toByteArray();
    if (deflated.length % 2 != 0) {
      deflated = concat(deflated, new byte[1]);
    }
    return new File(concat(meta(DEFLATED, sop), deflated), sop, sop + ".1", sop + ".2");
  }

  /** SOP Class and Instance, Modality, Patient Name and ID, Study and Series Instance UID, in tag order. */
  private static byte[] header(String sop, String study, String series) {
    return concat(element(0x0008, 0x0016, "UI", uid(SECONDARY_CAPTURE)), element(0x0008, 0x0018, "UI", uid(sop)),
        element(0x0008, 0x0060, "CS", ascii("OT")), element(0x0010, 0x0010, "PN", ascii("Hostile^Test")),
        element(0x0010, 0x0020, "LO", ascii("HOSTILE1")), element(0x0020, 0x000D, "UI", uid(study)),
        element(0x0020, 0x000E, "UI", uid(series)));
  }

  private static byte[] meta(String transferSyntax, String sop) {
    byte[] elements = concat(element(0x0002, 0x0001, "OB", new byte[] {0, 1}),
        element(0x0002, 0x0002, "UI", uid(SECONDARY_CAPTURE)), element(0x0002, 0x0003, "UI", uid(sop)),
        element(0x0002, 0x0010, "UI", uid(transferSyntax)), element(0x0002, 0x0012, "UI", uid("2.25.1")));
    return concat(new byte[128], ascii("DICM"), element(0x0002, 0x0000, "UL", u32(elements.length)), elements);
  }

  private static byte[] element(int group, int element, String vr, byte[] value) {
    boolean longLength = vr.equals("OB") || vr.equals("SQ") || vr.equals("UN");
    ByteBuffer out = ByteBuffer.allocate(12 + value.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putShort((short) group).putShort((short) element).put(ascii(vr));
    if (longLength) {
      out.putShort((short) 0).putInt(value.length);
    } else {
      out.putShort((short) value.length);
    }
    out.put(value);
    byte[] bytes = new byte[out.position()];
    out.flip().get(bytes);
    return bytes;
  }

  private static byte[] tag(int group, int element) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) group).putShort((short) element)
        .array();
  }

  private static byte[] u32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  /** PS3.5 6.2: a UI value is padded to even length with NUL, other text with a space. */
  private static byte[] uid(String uid) {
    byte[] bytes = uid.getBytes(StandardCharsets.US_ASCII);
    return bytes.length % 2 == 0 ? bytes : concat(bytes, new byte[] {0});
  }

  private static byte[] ascii(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return bytes.length % 2 == 0 ? bytes : concat(bytes, new byte[] {' '});
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
