package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.RawDicom.concat;
import static org.custos.dicom.malformed.RawDicom.element;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.uid;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.api.Test;

/**
 * (0008,0005) Specific Character Set is the one element the reader interprets while reading,
 * because it decides how later text in the same data set and its items is decoded (PS3.5
 * 6.1.2.4). Its value is attacker-controlled like any other.
 */
class CharacterSetAbuseTest {

  private static final String UNKNOWN_TERM = "ISO_IR 999";

  /** A file with (0008,0005) holding an unknown term, then a name; the charset element starts at {@code start}. */
  private record Sample(byte[] bytes, int start) {}

  private static Sample unknownTermSample() {
    RawDicom file = RawDicom.file(Uids.ExplicitVRLittleEndian);
    int start = file.offset();
    byte[] bytes = file.add(Tags.SpecificCharacterSet, "CS", text(UNKNOWN_TERM))
        .add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage))
        .add(Tags.PatientName, "PN", text("Synthetic^Test")).bytes();
    return new Sample(bytes, start);
  }

  @Test
  void unknownCharacterSetTerm_parsesWithAWarningAtTheElement_withoutEchoingTheTerm() {
    // Tolerated like other irregularities, so that one misspelt term does not make a file
    // unreadable; the warning names offset and tag, and not the term (a value).
    Sample sample = unknownTermSample();

    DicomFile parsed = Parsing.parsed(sample.bytes());

    assertThat(parsed.warnings()).singleElement().satisfies(w -> {
      assertThat(w.offset()).isEqualTo(sample.start());
      assertThat(w.tag()).isEqualTo(Tags.SpecificCharacterSet);
      assertThat(w.message()).doesNotContain(UNKNOWN_TERM);
    });
    assertThat(parsed.dataSet().getString(Tags.PatientName)).contains("Synthetic^Test");
  }

  @Test
  void unknownCharacterSetTerm_inStrictMode_failsAtTheElement() {
    Sample sample = unknownTermSample();

    DicomParseException e = Parsing.rejection(DicomParseException.class, sample.bytes(), ReadOptions.DEFAULT.withStrict(true),
        Feed.KNOWN_LENGTH);

    Parsing.assertWhere(e, sample.start(), Tags.SpecificCharacterSet);
    assertThat(e.reason()).contains("Specific Character Set");
    assertThat(e.getMessage()).doesNotContain(UNKNOWN_TERM);
  }

  @Test
  void manyCharacterSetElements_parseInTimeLinearInTheirNumber() {
    // 40,000 repeated (0008,0005) elements (720 KB; out of order, so tolerated with warnings),
    // each of which the reader interprets. Looking the character set up in everything read so
    // far made this quadratic (7 s here, hours for tens of MB); the same count of another CS
    // element, below, takes well under a second.
    byte[] bytes = fileRepeating(Tags.SpecificCharacterSet, 40_000);

    DicomFile parsed = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> Parsing.parsed(bytes));

    assertThat(parsed.dataSet().size()).isEqualTo(40_000);
  }

  @Test
  void manyOtherElements_parseQuickly() {
    byte[] bytes = fileRepeating(Tags.Modality, 40_000);

    DicomFile parsed = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> Parsing.parsed(bytes));

    assertThat(parsed.dataSet().size()).isEqualTo(40_000);
  }

  /** A file whose data set is {@code count} copies of one CS element holding "ISO_IR 100". */
  private static byte[] fileRepeating(int tag, int count) {
    byte[] one = element(tag, "CS", text("ISO_IR 100"));
    ByteArrayOutputStream repeated = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      repeated.writeBytes(one);
    }
    return concat(RawDicom.file(Uids.ExplicitVRLittleEndian).bytes(), repeated.toByteArray());
  }
}
