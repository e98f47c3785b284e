package org.custos.dicom.malformed;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;

/**
 * Hand-made explicit VR little endian bytes, so that a test can put any lie (VR code, length,
 * group length) at a byte offset it knows. The encoder checks nothing on purpose.
 *
 * <p>An instance appends top-level pieces and remembers where each started ({@link #starts()}),
 * so that tests can state expected offsets and element boundaries exactly.
 */
final class RawDicom {
  static final int UNDEFINED = 0xFFFFFFFF;
  static final String SOP_INSTANCE_UID = "1.2.826.0.1.3680043.8.498.1";
  private static final String IMPLEMENTATION_UID = "1.2.826.0.1.3680043.8.498";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Integer> starts = new ArrayList<>();

  private RawDicom() {}

  /** Bytes with nothing before the data set (a bare data set). */
  static RawDicom bare() {
    return new RawDicom();
  }

  /** A zero preamble, "DICM" and a file meta group with a correct group length for {@code tsUid}. */
  static RawDicom file(String tsUid) {
    return file(new byte[128], tsUid, 0);
  }

  /**
   * The given 128-byte preamble, "DICM" and a file meta group whose (0002,0000) value is the
   * true group length plus {@code groupLengthError}.
   */
  static RawDicom file(byte[] preamble, String tsUid, int groupLengthError) {
    RawDicom raw = new RawDicom();
    byte[] group = metaElements(tsUid);
    raw.out.writeBytes(preamble);
    raw.out.writeBytes("DICM".getBytes(US_ASCII));
    raw.out.writeBytes(element(Tags.FileMetaInformationGroupLength, "UL", u32(group.length + groupLengthError)));
    raw.out.writeBytes(group);
    return raw;
  }

  /** The group 0002 elements after (0002,0000): version, SOP class and instance, syntax, implementation. */
  static byte[] metaElements(String tsUid) {
    return concat(
        element(Tags.FileMetaInformationVersion, "OB", new byte[] {0, 1}),
        element(Tags.MediaStorageSOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage)),
        element(Tags.MediaStorageSOPInstanceUID, "UI", uid(SOP_INSTANCE_UID)),
        element(Tags.TransferSyntaxUID, "UI", uid(tsUid)),
        element(Tags.ImplementationClassUID, "UI", uid(IMPLEMENTATION_UID)));
  }

  /** Appends one top-level piece (an element, or any bytes) and records where it starts. */
  RawDicom add(byte[] piece) {
    starts.add(out.size());
    out.writeBytes(piece);
    return this;
  }

  RawDicom add(int tag, String vr, byte[] value) {
    return add(element(tag, vr, value));
  }

  /** Current length: the offset the next piece will start at. */
  int offset() {
    return out.size();
  }

  /** Start offsets of the pieces added with {@link #add}, in order. */
  List<Integer> starts() {
    return List.copyOf(starts);
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** An element with the right header form for {@code vr} (PS3.5 7.1.2) and the value's length. */
  static byte[] element(int tag, String vr, byte[] value) {
    return concat(header(tag, vr, value.length), value);
  }

  /**
   * An element header declaring {@code length}: 8 bytes, or 12 for the VRs with a 32-bit length
   * (PS3.5 7.1.2). Unknown VR codes get the short form, as a writer that invented them might.
   */
  static byte[] header(int tag, String vr, long length) {
    byte[] code = vr.getBytes(US_ASCII);
    if (hasLongHeader(vr)) {
      return concat(tag(tag), code, new byte[2], u32(length));
    }
    return concat(tag(tag), code, u16((int) length));
  }

  /** An implicit VR little endian header: tag and 32-bit length (PS3.5 7.1.3). */
  static byte[] implicitHeader(int tag, long length) {
    return concat(tag(tag), u32(length));
  }

  static boolean hasLongHeader(String vr) {
    return List.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV").contains(vr);
  }

  /** A sequence of undefined length holding {@code items}, closed by a Sequence Delimitation Item. */
  static byte[] undefinedLengthSequence(int tag, byte[]... items) {
    return concat(header(tag, "SQ", UNDEFINED & 0xFFFFFFFFL), concat(items), delimiter(0xE0DD));
  }

  /** An item of undefined length, closed by an Item Delimitation Item (PS3.5 7.5.2). */
  static byte[] undefinedLengthItem(byte[]... elements) {
    return concat(tag(0xFFFEE000), u32(UNDEFINED & 0xFFFFFFFFL), concat(elements), delimiter(0xE00D));
  }

  /** An item of defined length. */
  static byte[] item(byte[]... elements) {
    byte[] body = concat(elements);
    return concat(tag(0xFFFEE000), u32(body.length), body);
  }

  /** A sequence of defined length. */
  static byte[] sequence(int tag, byte[]... items) {
    byte[] body = concat(items);
    return concat(header(tag, "SQ", body.length), body);
  }

  private static byte[] delimiter(int element) {
    return concat(tag(0xFFFE0000 | element), u32(0));
  }

  /** {@code depth} undefined-length sequences nested in one another, a short text at the bottom. */
  static byte[] nestedSequences(int tag, int depth) {
    byte[] inner = element(Tags.CodeValue, "SH", text("LEAF"));
    for (int i = 0; i < depth; i++) {
      inner = undefinedLengthSequence(tag, undefinedLengthItem(inner));
    }
    return inner;
  }

  /** Header bytes from the start of {@link #nestedSequences} to the header of sequence {@code level} (1-based). */
  static int nestedSequenceHeaderOffset(int level) {
    return (level - 1) * (12 + 8);
  }

  /** ASCII text padded with a space to even length (PS3.5 6.2). */
  static byte[] text(String s) {
    return s.length() % 2 == 0 ? s.getBytes(US_ASCII) : (s + " ").getBytes(US_ASCII);
  }

  /** A UID padded with NUL to even length (PS3.5 9.1). */
  static byte[] uid(String s) {
    byte[] b = s.getBytes(US_ASCII);
    return b.length % 2 == 0 ? b : concat(b, new byte[1]);
  }

  static byte[] tag(int tag) {
    return concat(u16(tag >>> 16), u16(tag & 0xFFFF));
  }

  static byte[] u16(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8)};
  }

  static byte[] u32(long v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
