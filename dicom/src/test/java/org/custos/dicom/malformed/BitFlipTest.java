package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.custos.dicom.DicomIoException;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomStream;
import org.custos.dicom.DicomStreamReader;
import org.custos.dicom.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Corpus files with one bit flipped (every bit of the small files, a fixed random sample of the
 * larger ones), one byte overwritten, or one length field inflated. Whatever the damage, the
 * reader must either parse or throw a {@link DicomParseException} (or {@link DicomIoException});
 * any other throwable is a finding. Deterministic: the same mutations run every time.
 *
 * <p>Findings are collected rather than failing on the first, and reported once per kind of
 * throwable and place it was thrown from, each with a base64 input to replay.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BitFlipTest {
  /** Small enough to flip every bit. */
  private static final List<String> SMALL = List.of(
      "edge/pydicom/empty_charset_LEI.dcm",
      "edge/pydicom/no_meta_group_length.dcm",
      "edge/pydicom/ExplVR_BigEndNoMeta.dcm",
      "valid/pydicom-charset/chrSQEncoding.dcm",
      "valid/pydicom/priv_SQ.dcm",
      "edge/pydicom/UN_sequence.dcm");
  /** Larger files: native and encapsulated pixel data, big endian, deflated. */
  private static final List<String> LARGER = List.of(
      "derived/CT_small_gsps.dcm",
      "valid/pydicom/MR_small.dcm",
      "valid/pydicom/MR_small_bigendian.dcm",
      "valid/pydicom/SC_rgb_rle.dcm",
      "valid/pydicom/JPEG2000.dcm",
      "valid/pydicom/image_dfl.dcm");
  private static final int SAMPLED_FLIPS = 1000;

  private final Map<String, String> findings = new LinkedHashMap<>();
  private int runs;

  @Test
  void everySingleBitFlipOfSmallFiles_parsesOrFailsAsParseError() {
    for (String name : SMALL) {
      byte[] original = SharedCorpus.bytes(name);
      for (int bit = 0; bit < original.length * 8; bit++) {
        byte[] mutated = original.clone();
        mutated[bit / 8] ^= (byte) (1 << (bit % 8));
        check(name + " bit " + bit, mutated, Feed.KNOWN_LENGTH);
      }
    }
    assertNoFindings();
  }

  @Test
  void everyByteOfSmallFilesOverwritten_parsesOrFailsAsParseError() {
    for (String name : SMALL) {
      byte[] original = SharedCorpus.bytes(name);
      for (int at = 0; at < original.length; at++) {
        for (byte value : new byte[] {0x00, (byte) 0xFF, (byte) 0x80}) {
          byte[] mutated = original.clone();
          mutated[at] = value;
          check(name + " byte " + at + " := " + value, mutated, Feed.UNKNOWN_LENGTH);
        }
      }
    }
    assertNoFindings();
  }

  @Test
  void sampledBitFlipsOfLargerFiles_parseOrFailAsParseError() {
    SplittableRandom random = new SplittableRandom(0x5EED);
    for (String name : LARGER) {
      byte[] original = SharedCorpus.bytes(name);
      for (int i = 0; i < SAMPLED_FLIPS; i++) {
        byte[] mutated = original.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
        }
        check(name + " sample " + i, mutated, i % 2 == 0 ? Feed.KNOWN_LENGTH : Feed.UNKNOWN_LENGTH);
      }
    }
    assertNoFindings();
  }

  @Test
  void everyLengthFieldInflated_parsesOrFailsAsParseError() {
    for (String name : concat(SMALL, LARGER)) {
      byte[] original = SharedCorpus.bytes(name);
      for (LengthField field : lengthFields(original)) {
        for (long value : field.inflatedValues(original)) {
          byte[] mutated = field.with(original, value);
          for (Feed feed : List.of(Feed.KNOWN_LENGTH, Feed.UNKNOWN_LENGTH)) {
            check(name + " length at " + field.offset() + " := " + Long.toHexString(value), mutated, feed);
          }
        }
      }
    }
    assertThat(runs).isGreaterThan(1000);
    assertNoFindings();
  }

  private void check(String mutation, byte[] input, Feed feed) {
    runs++;
    try {
      feed.read(input, ReadOptions.DEFAULT);
    } catch (DicomParseException e) {
      Parsing.assertNamesWhere(e);
    } catch (DicomIoException e) {
      // Allowed by the reader's contract; in-memory input has no I/O to fail, and
      // DeflatedInputTest holds the one path that produced it to a parse exception.
    } catch (RuntimeException | Error e) {
      StackTraceElement[] trace = e.getStackTrace();
      String kind = e.getClass().getName() + " at " + (trace.length > 0 ? trace[0] : "?");
      findings.putIfAbsent(kind, mutation + ", " + feed + ": " + e.getMessage() + "\n    input (base64): " + Parsing.base64(input));
    }
  }

  private void assertNoFindings() {
    assertThat(findings).as("%d kinds of throwable escaped in %d runs", findings.size(), runs).isEmpty();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** A value length field in a file: where it is, how wide, in which byte order. */
  private record LengthField(int offset, int width, boolean bigEndian) {
    long read(byte[] b) {
      long v = 0;
      for (int i = 0; i < width; i++) {
        int shift = 8 * (bigEndian ? width - 1 - i : i);
        v |= (long) (b[offset + i] & 0xFF) << shift;
      }
      return v;
    }

    byte[] with(byte[] original, long value) {
      byte[] b = original.clone();
      for (int i = 0; i < width; i++) {
        int shift = 8 * (bigEndian ? width - 1 - i : i);
        b[offset + i] = (byte) (value >>> shift);
      }
      return b;
    }

    List<Long> inflatedValues(byte[] original) {
      long v = read(original);
      long max = width == 2 ? 0xFFFFL : 0xFFFF_FFFFL;
      List<Long> values = new ArrayList<>(List.of(v + 1, v + 2, v * 2 + 2, max, max - 1, max / 2 + 1));
      if (width == 4) {
        values.addAll(List.of(0x7FFF_FFFFL, 0x00FF_FFFFL, v + 0x1_0000L));
      }
      values.replaceAll(x -> x & max);
      return values;
    }
  }

  /**
   * The length fields of the elements, items and sequences a clean read passes, plus (0002,0000).
   * Positions inside deflated data sets are in inflated bytes and are not used.
   */
  private static List<LengthField> lengthFields(byte[] file) {
    List<LengthField> fields = new ArrayList<>();
    if (file.length > 144 && file[128] == 'D' && file[129] == 'I' && file[130] == 'C' && file[131] == 'M') {
      fields.add(new LengthField(140, 4, false));
    }
    DicomStream stream = DicomReader.open(new ByteArrayInputStream(file), file.length, ReadOptions.DEFAULT);
    if (stream.transferSyntax().deflated()) {
      return fields;
    }
    boolean explicit = stream.transferSyntax().explicitVr();
    boolean bigEndian = stream.transferSyntax().bigEndian();
    DicomStreamReader reader = stream.reader();
    for (DicomStreamReader.Event e = reader.next(); e != DicomStreamReader.Event.END; e = reader.next()) {
      int at = (int) reader.valueOffset();
      switch (e) {
        case ELEMENT -> fields.add(explicit && !reader.vr().hasLongExplicitHeader()
            ? new LengthField(at - 2, 2, bigEndian) : new LengthField(at - 4, 4, bigEndian));
        case FRAGMENT -> fields.add(new LengthField(at - 4, 4, bigEndian));
        case SEQUENCE_START, FRAGMENTS_START -> fields.add(new LengthField(at + (explicit ? 8 : 4), 4, bigEndian));
        case ITEM_START -> fields.add(new LengthField(at + 4, 4, bigEndian));
        default -> { }
      }
    }
    return fields;
  }
}
