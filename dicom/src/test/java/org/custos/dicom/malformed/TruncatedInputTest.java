package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.RawDicom.element;
import static org.custos.dicom.malformed.RawDicom.item;
import static org.custos.dicom.malformed.RawDicom.sequence;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.uid;
import static org.custos.dicom.malformed.RawDicom.undefinedLengthItem;
import static org.custos.dicom.malformed.RawDicom.undefinedLengthSequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.InvalidLengthException;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.TruncatedInputException;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.custos.dicom.malformed.Parsing.Outcome;
import org.custos.dicom.malformed.Parsing.Parsed;
import org.custos.dicom.malformed.Parsing.Rejected;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cuts inputs at every offset. A cut either falls exactly between two top-level elements — then
 * the shorter input is a valid file holding a prefix of the elements — or the reader must fail
 * with a {@link DicomParseException} that points between the start of the element it was reading
 * and the cut.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TruncatedInputTest {

  /** One top-level element of the hand-made sample: where it starts, where its value starts, where it ends. */
  private record Piece(int tag, int start, int valueStart, int end, boolean leaf) {}

  private record Sample(byte[] bytes, int dataSetStart, List<Piece> pieces) {}

  private static Sample sample() {
    RawDicom raw = RawDicom.file(Uids.ExplicitVRLittleEndian);
    int dataSetStart = raw.offset();
    List<Piece> pieces = new ArrayList<>();
    add(raw, pieces, Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage));
    add(raw, pieces, Tags.SOPInstanceUID, "UI", uid(RawDicom.SOP_INSTANCE_UID));
    add(raw, pieces, Tags.Modality, "CS", text("OT"));
    addSequence(raw, pieces, Tags.ReferencedImageSequence, sequence(Tags.ReferencedImageSequence,
        item(element(Tags.ReferencedSOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage)))));
    add(raw, pieces, Tags.PatientName, "PN", text("Synthetic^Test"));
    addSequence(raw, pieces, Tags.ContentSequence, undefinedLengthSequence(Tags.ContentSequence,
        undefinedLengthItem(element(Tags.CodeValue, "SH", text("CODE01")))));
    add(raw, pieces, Tag.PIXEL_DATA, "OW", new byte[16]);
    return new Sample(raw.bytes(), dataSetStart, pieces);
  }

  private static void add(RawDicom raw, List<Piece> pieces, int tag, String vr, byte[] value) {
    int start = raw.offset();
    int headerLength = RawDicom.hasLongHeader(vr) ? 12 : 8;
    raw.add(tag, vr, value);
    pieces.add(new Piece(tag, start, start + headerLength, raw.offset(), true));
  }

  private static void addSequence(RawDicom raw, List<Piece> pieces, int tag, byte[] encoded) {
    int start = raw.offset();
    raw.add(encoded);
    pieces.add(new Piece(tag, start, start + 12, raw.offset(), false));
  }

  @ParameterizedTest
  @EnumSource(Feed.class)
  void cutAtEveryOffset_failsBetweenTheElementStartAndTheCut_orParsesAPrefix(Feed feed) {
    Sample sample = sample();
    DicomFile whole = Parsing.parsed(sample.bytes(), ReadOptions.DEFAULT, feed);
    assertThat(whole.dataSet().size()).isEqualTo(sample.pieces().size());
    SoftAssertions softly = new SoftAssertions();

    for (int cut = 0; cut < sample.bytes().length; cut++) {
      byte[] input = Arrays.copyOf(sample.bytes(), cut);
      Outcome outcome = Parsing.read(input, ReadOptions.DEFAULT, feed);
      String context = feed + ", cut at " + cut;

      if (cut < sample.dataSetStart()) {
        // Inside the preamble or file meta, whose group length says how much must follow.
        if (outcome instanceof Rejected rejected) {
          softly.assertThat(rejected.failure().offset()).as(context).isBetween(cut < 132 ? 0L : 132L, (long) cut);
        } else {
          softly.fail(context + ": the file meta is incomplete, yet the input parsed");
        }
        continue;
      }
      int index = pieceAt(sample, cut);
      if (index == sample.pieces().size() || sample.pieces().get(index).start() == cut) {
        if (outcome instanceof Parsed parsed) {
          softly.assertThat(parsed.file().dataSet().elements()).as(context)
              .isEqualTo(whole.dataSet().elements().subList(0, index));
        } else {
          softly.fail(context + ": a cut between top-level elements should parse, got " + ((Rejected) outcome).failure());
        }
        continue;
      }
      if (outcome instanceof Rejected rejected) {
        assertCutInside(softly, sample.pieces().get(index), cut, rejected.failure(), feed, context);
      } else {
        softly.fail(context + ": a cut inside an element parsed");
      }
    }
    softly.assertAll();
  }

  private static int pieceAt(Sample sample, int cut) {
    List<Piece> pieces = sample.pieces();
    for (int i = 0; i < pieces.size(); i++) {
      if (cut < pieces.get(i).end()) {
        return i;
      }
    }
    return pieces.size();
  }

  private static void assertCutInside(SoftAssertions softly, Piece piece, int cut, DicomParseException e, Feed feed,
      String context) {
    String where = context + ", inside " + Tag.toString(piece.tag()) + " at " + piece.start() + ": " + e.getMessage();
    softly.assertThat(e.offset()).as(where).isBetween((long) piece.start(), (long) cut);
    if (!piece.leaf()) {
      return;
    }
    if (cut < piece.start() + 4) {
      // Not even the tag is complete: the failure is at the element start and names no tag.
      softly.assertThat(e).as(where).isInstanceOf(TruncatedInputException.class);
      softly.assertThat(e.offset()).as(where).isEqualTo(piece.start());
      softly.assertThat(Parsing.tagName(e.tag())).as(where).isEqualTo("no tag");
    } else if (cut < piece.valueStart()) {
      softly.assertThat(e).as(where).isInstanceOf(TruncatedInputException.class);
      softly.assertThat(e.offset()).as(where).isGreaterThanOrEqualTo(piece.start() + 4);
      softly.assertThat(Parsing.tagName(e.tag())).as(where).isEqualTo(Tag.toString(piece.tag()));
    } else if (feed == Feed.KNOWN_LENGTH) {
      // The declared length is checked against the known end before any value byte is read.
      softly.assertThat(e).as(where).isInstanceOf(InvalidLengthException.class);
      softly.assertThat(e.offset()).as(where).isEqualTo(piece.valueStart());
      softly.assertThat(Parsing.tagName(e.tag())).as(where).isEqualTo(Tag.toString(piece.tag()));
    } else {
      softly.assertThat(e).as(where).isInstanceOf(TruncatedInputException.class);
      softly.assertThat(e.offset()).as(where).isEqualTo(cut);
      softly.assertThat(Parsing.tagName(e.tag())).as(where).isEqualTo(Tag.toString(piece.tag()));
    }
  }

  /**
   * Corpus files in each encoding: implicit and explicit VR, big endian, no file meta, file meta
   * without group length, UN sequences, encapsulated and deflated data sets.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "edge/pydicom/empty_charset_LEI.dcm",
      "edge/pydicom/no_meta_group_length.dcm",
      "edge/pydicom/ExplVR_BigEndNoMeta.dcm",
      "edge/pydicom/UN_sequence.dcm",
      "valid/pydicom/priv_SQ.dcm",
      "valid/pydicom-charset/chrSQEncoding.dcm",
      "derived/CT_small_gsps.dcm",
      "valid/pydicom/SC_rgb_rle.dcm",
      "valid/pydicom/image_dfl.dcm"})
  void corpusFileCutAtEveryOffset_failsCleanly_orParsesATopLevelPrefix(String name) {
    byte[] bytes = SharedCorpus.bytes(name);
    boolean deflated = name.contains("dfl");
    for (Feed feed : Feed.values()) {
      List<DicomElement> all = Parsing.parsed(bytes, ReadOptions.DEFAULT, feed).dataSet().elements();
      for (int cut = 0; cut < bytes.length; cut++) {
        Outcome outcome = Parsing.read(Arrays.copyOf(bytes, cut), ReadOptions.DEFAULT, feed);
        String context = name + ", " + feed + ", cut at " + cut;
        if (outcome instanceof Parsed parsed) {
          List<DicomElement> prefix = parsed.file().dataSet().elements();
          assertThat(prefix).as(context).isEqualTo(all.subList(0, prefix.size()));
          if (!deflated) {
            // A cut deflate stream may still inflate to the whole data set: its last bytes only close the stream.
            assertThat(prefix.size()).as(context).isLessThan(all.size());
          }
        } else if (!deflated) {
          // Deflated data sets count offsets in inflated bytes, which may exceed the cut.
          assertThat(((Rejected) outcome).failure().offset()).as(context).isLessThanOrEqualTo(cut);
        }
      }
    }
  }
}
