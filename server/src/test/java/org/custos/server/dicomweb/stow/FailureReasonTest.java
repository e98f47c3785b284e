package org.custos.server.dicomweb.stow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.archive.ingest.HeaderPrescan;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.RejectReason;
import org.junit.jupiter.api.Test;

/** Failure Reasons of refusals that come from the archive, judged on real files through the archive's own read-ahead. */
class FailureReasonTest {
  static byte[] corpus(String relative) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("custos.shared.dir", "../../shared"), "dicom-corpus", relative));
  }

  static InstanceRejectedException rejection(byte[] file) {
    return catchThrowableOfType(() -> HeaderPrescan.scan(new BufferedInputStream(new ByteArrayInputStream(file))),
        InstanceRejectedException.class);
  }

  static byte[] replace(byte[] bytes, String from, String to) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(to).hasSameSizeAs(from);
    assertThat(text).contains(from);
    return text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aFileMetaNamingATransferSyntaxThisArchiveCannotRead_isC122_notC000() throws IOException {
    // PS3.18 Annex I: C122 "Referenced Transfer Syntax not supported". Same length, so the meta stays well-formed.
    byte[] unknown = replace(corpus("valid/pydicom/MR_small.dcm"), "1.2.840.10008.1.2.1\0", "1.2.840.99999.1.2.1\0");

    InstanceRejectedException e = rejection(unknown);

    assertThat(e.reason()).isEqualTo(RejectReason.MALFORMED);
    assertThat(FailureReason.of(e)).isEqualTo(FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED);
  }

  @Test
  void aFileMetaWithoutTransferSyntax_orOtherwiseBroken_staysC000() throws IOException {
    assertThat(FailureReason.of(rejection(corpus("malformed/pydicom/meta_missing_tsyntax.dcm"))))
        .isEqualTo(FailureReason.CANNOT_UNDERSTAND);
    assertThat(FailureReason.of(rejection(corpus("malformed/synthetic/meta_group_length_wrong.dcm"))))
        .isEqualTo(FailureReason.CANNOT_UNDERSTAND);
    assertThat(FailureReason.of(rejection(corpus("malformed/synthetic/not_dicom.dcm"))))
        .isEqualTo(FailureReason.CANNOT_UNDERSTAND);
  }

  @Test
  void otherRefusals_keepTheMappingOfTheirRejectReason() {
    for (RejectReason reason : RejectReason.values()) {
      assertThat(FailureReason.of(new InstanceRejectedException(reason, "x"))).isEqualTo(FailureReason.of(reason));
    }
  }
}
