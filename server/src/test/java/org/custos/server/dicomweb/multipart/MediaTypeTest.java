package org.custos.server.dicomweb.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaTypeTest {
  @Test
  void stowContentType_withQuotedAndTokenParameters() {
    MediaType type = MediaType.parse("Multipart/Related; type=\"application/dicom\";boundary=Ab-12 ; start=\"<x\\\"y>\"");
    assertThat(type.essence()).isEqualTo("multipart/related");
    assertThat(type.parameter("TYPE")).contains("application/dicom");
    assertThat(type.parameter("boundary")).contains("Ab-12");
    assertThat(type.parameter("start")).contains("<x\"y>");
    assertThat(type.parameter("charset")).isEmpty();
  }

  @Test
  void unquotedTypeWithSlash_isAccepted_asClientsSendIt() {
    assertThat(MediaType.parse("multipart/related; type=application/dicom; boundary=x").parameter("type"))
        .contains("application/dicom");
  }

  @Test
  void malformedMediaTypes_areRefusedWithoutQuotingThem() {
    for (String bad : new String[] {"", "multipart", "/related", "multipart/related; boundary", "a/b; x=\"open",
        "a/b; x=1 2", "a/b; x=1; x=2", "a/b; x=\"q\"junk"}) {
      assertThatThrownBy(() -> MediaType.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("junk").doesNotContain("open"));
    }
  }

  @Test
  void emptyParameterSlots_areTolerated() {
    assertThat(MediaType.parse("application/dicom;; transfer-syntax=1.2.840.10008.1.2.1;").parameter("transfer-syntax"))
        .contains("1.2.840.10008.1.2.1");
  }
}
