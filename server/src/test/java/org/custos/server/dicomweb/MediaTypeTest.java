package org.custos.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Accept headers as DICOMweb clients send them. */
class MediaTypeTest {
  @Test
  void multipartRanges_carryTheirPartType_andTransferSyntax_quotedOrNot() {
    List<MediaType> ranges = MediaType.parseAccept(
        "multipart/related; type=\"application/dicom\"; transfer-syntax=*, multipart/related;type=application/octet-stream");
    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0).isMultipartRelated()).isTrue();
    assertThat(ranges.get(0).partType()).map(MediaType::essence).contains("application/dicom");
    assertThat(ranges.get(0).transferSyntax()).contains("*");
    assertThat(ranges.get(1).partType()).map(MediaType::essence).contains("application/octet-stream");
    assertThat(ranges.get(1).transferSyntax()).isEmpty();
  }

  @Test
  void rangesAreOrderedByQuality_stably_andQZeroIsDropped() {
    List<MediaType> ranges = MediaType.parseAccept("image/png;q=0.5, image/jpeg, image/gif;q=0, */*;q=0.5");
    assertThat(ranges).extracting(MediaType::essence).containsExactly("image/jpeg", "image/png", "*/*");
  }

  @Test
  void absentHeader_meansAnything_andWildcardsInclude() {
    assertThat(MediaType.parseAccept(null)).singleElement().satisfies(r -> assertThat(r.isWildcard()).isTrue());
    assertThat(MediaType.parseAccept("  ").get(0).includes("application/dicom")).isTrue();
    assertThat(MediaType.of("image/*").includes("image/jpeg")).isTrue();
    assertThat(MediaType.of("image/*").includes("application/dicom")).isFalse();
    assertThat(MediaType.of("multipart/*").isMultipartRelated()).isTrue();
    assertThat(MediaType.of("*/*").isMultipartRelated()).isFalse();
  }

  @Test
  void commasInsideQuotes_doNotSplitRanges() {
    List<MediaType> ranges = MediaType.parseAccept("multipart/related; type=\"application/dicom\"; note=\"a, b\", text/plain");
    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0).parameter("note")).contains("a, b");
  }

  @Test
  void malformedRanges_are400_namingAccept() {
    for (String bad : List.of("dicom", "application/dicom/x", "image/png;q=2", "image/png;q", "a b/c")) {
      assertThatThrownBy(() -> MediaType.parseAccept(bad)).as(bad).isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).parameter()).isEqualTo("Accept");
    }
  }

  @Test
  void anAcceptWhoseEveryRangeHasQZero_acceptsNothing_406() {
    // RFC 9110 12.5.1: q=0 means "not acceptable"; a well-formed header that allows nothing is a 406, not a 400.
    for (String none : List.of("image/png;q=0", "application/dicom+json;q=0, */*;q=0.000")) {
      assertThatThrownBy(() -> MediaType.parseAccept(none)).as(none).isInstanceOf(NotAcceptableException.class)
          .hasMessageContaining("Accept").hasMessageContaining("q=0");
    }
  }
}
