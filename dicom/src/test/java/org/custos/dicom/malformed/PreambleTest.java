package org.custos.dicom.malformed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.dicom.malformed.RawDicom.text;
import static org.custos.dicom.malformed.RawDicom.uid;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.custos.dicom.DicomFile;
import org.custos.dicom.Preamble;
import org.custos.dicom.dictionary.Tags;
import org.custos.dicom.dictionary.Uids;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PS3.10 7.1 lets the 128-byte preamble hold anything, which makes DICOM/executable polyglots
 * possible. The reader accepts them — the file is valid DICOM — and classifies the preamble so
 * that ingest can zero it; a TIFF header (dual-format files, PS3.10 7.1) is legitimate and kept.
 */
class PreambleTest {

  static Stream<Arguments> preambles() {
    return Stream.of(
        Arguments.of("zero", "", Preamble.Kind.ZERO, false),
        Arguments.of("DOS/PE executable", "4d5a90000300000004000000ffff0000", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("ELF executable", "7f454c46020101000000000000000000", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("shell script", "2321202f62696e2f73680a", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("ZIP or JAR archive", "504b0304140000000800", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("Mach-O 64-bit", "cffaedfe0c000001", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("Mach-O big endian", "feedfacf", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("Mach-O universal", "cafebabe", Preamble.Kind.EXECUTABLE, true),
        Arguments.of("little endian TIFF", "49492a0008000000", Preamble.Kind.TIFF, false),
        Arguments.of("big endian TIFF", "4d4d002a00000008", Preamble.Kind.TIFF, false),
        Arguments.of("text", "68656c6c6f", Preamble.Kind.OTHER, true),
        Arguments.of("one byte at the end", "00".repeat(127) + "01", Preamble.Kind.OTHER, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preambles")
  void fileWithPreamble_parses_andReportsWhetherIngestShouldZeroIt(String what, String hexPrefix, Preamble.Kind kind,
      boolean zero) {
    byte[] preamble = new byte[128];
    byte[] prefix = HexFormat.of().parseHex(hexPrefix);
    System.arraycopy(prefix, 0, preamble, 0, prefix.length);
    byte[] bytes = RawDicom.file(preamble, Uids.ExplicitVRLittleEndian, 0)
        .add(Tags.SOPClassUID, "UI", uid(Uids.SecondaryCaptureImageStorage))
        .add(Tags.PatientName, "PN", text("Synthetic^Test"))
        .bytes();

    DicomFile parsed = Parsing.parsed(bytes);

    Preamble read = parsed.fileMeta().orElseThrow().preamble().orElseThrow();
    assertThat(read.kind()).isEqualTo(kind);
    assertThat(read.shouldBeZeroed()).isEqualTo(zero);
    assertThat(read.bytes()).isEqualTo(preamble);
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.dataSet().getString(Tags.PatientName)).contains("Synthetic^Test");
  }
}
