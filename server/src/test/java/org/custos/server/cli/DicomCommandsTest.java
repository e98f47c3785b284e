package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DicomCommandsTest {
  @Test
  void dump_printsOneElementALineWithTagVrLengthValueAndKeyword() {
    CliRun run = CliRun.of("dicom", "dump", CliRun.corpus("valid/pydicom/CT_small.dcm"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("(0002,0010) UI 20 [1.2.840.10008.1.2.1]  # TransferSyntaxUID")
        .contains("(0028,0010) US 2 128  # Rows")
        .contains("(0010,0010) PN")
        .contains("# PatientName")
        .contains("(7FE0,0010) OW 32768 (bulk 32768 bytes at offset");
  }

  @Test
  void dump_indentsSequenceItems() {
    CliRun run = CliRun.of("dicom", "dump", CliRun.corpus("valid/pydicom/CT_small.dcm"));
    assertThat(run.out()).contains("(0010,1002) SQ (Sequence with 2 items)  # OtherPatientIDsSequence")
        .containsPattern("\n    \\(0010,0020\\) LO");
  }

  @Test
  void dump_namesThePrivateCreatorOfPrivateElements() {
    CliRun run = CliRun.of("dicom", "dump", CliRun.corpus("valid/pydicom/CT_small.dcm"));
    assertThat(run.out()).contains("# private [GEMS_");
  }

  @Test
  void validate_exitsZeroWhenAllFilesAreValid() {
    CliRun run = CliRun.of("dicom", "validate", CliRun.corpus("valid/pydicom/CT_small.dcm"),
        CliRun.corpus("valid/pydicom/MR_small_bigendian.dcm"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).contains(": ok"));
  }

  @Test
  void validate_exitsOneAndNamesOffsetAndTagOfEachInvalidFile() {
    CliRun run = CliRun.of("dicom", "validate", CliRun.corpus("valid/pydicom/CT_small.dcm"),
        CliRun.corpus("malformed/synthetic/pixeldata_length_overflow.dcm"),
        CliRun.corpus("malformed/synthetic/empty.dcm"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).hasSize(3);
    assertThat(run.out()).contains("pixeldata_length_overflow.dcm: invalid: value length 4294967280 runs past the end")
        .contains("tag (7FE0,0010)")
        .contains("empty.dcm: invalid: input is empty (at byte 0)");
  }

  @Test
  void validateStrict_rejectsWhatTheDefaultModeOnlyWarnsAbout() {
    String file = CliRun.corpus("malformed/pydicom/winter.dcm");
    assertThat(CliRun.of("dicom", "validate", file).exitCode()).isZero();
    CliRun strict = CliRun.of("dicom", "validate", "--strict", file);
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).contains("not in ascending order");
  }

  @Test
  void dumpOfAMissingFile_failsWithOneLineAndNoStackTrace() {
    CliRun run = CliRun.of("dicom", "dump", "/nonexistent/file.dcm");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("custos: cannot read the DICOM file: no such file /nonexistent/file.dcm")
        .doesNotContain("\tat ");
  }
}
