package org.custos.server.dicomweb.qido;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2 matching, value by value. */
class MatchKeyTest {
  private static MatchKey key(int tag, String value) {
    return MatchKey.of(AttributeKey.of(tag), value, "p");
  }

  private static boolean matches(int tag, String query, String... values) {
    return key(tag, query).matches(List.of(values));
  }

  @Test
  void universalMatching_matchesEvenNoValue() {
    assertThat(matches(Tags.PatientName, "")).isTrue();
    assertThat(matches(Tags.PatientName, "*")).isTrue();
    assertThat(matches(Tags.Modality, "CT\\")).isFalse();
    assertThat(key(Tags.ModalitiesInStudy, "\\*").isUniversal()).isTrue();
    assertThat(matches(Tags.PatientID, "X")).isFalse();
  }

  @Test
  void wildcards_areAnchored_literalElsewhere_andCaseSensitiveExceptForNames() {
    assertThat(matches(Tags.StudyDescription, "Br?in*", "Brain MRI")).isTrue();
    assertThat(matches(Tags.StudyDescription, "br?in*", "Brain MRI")).isFalse();
    assertThat(matches(Tags.StudyDescription, "*MRI", "MRI of brain")).isFalse();
    assertThat(matches(Tags.StudyDescription, "a.b*", "axb")).as("regex characters are literal").isFalse();
    assertThat(matches(Tags.StudyDescription, "(x)*", "(x) y")).isTrue();
    assertThat(matches(Tags.PatientName, "doe^j*", "DOE^JOHN")).isTrue();
    assertThat(matches(Tags.PatientName, "*^JOHN", "Doe^John")).isTrue();
  }

  @Test
  void personNames_matchTheWholeNameOrOneComponentGroup() {
    assertThat(matches(Tags.PatientName, "Yamada^Tarou", "Yamada^Tarou=山田^太郎=やまだ^たろう")).isTrue();
    assertThat(matches(Tags.PatientName, "山田^太郎", "Yamada^Tarou=山田^太郎=やまだ^たろう")).isTrue();
    assertThat(matches(Tags.PatientName, "Yamada", "Yamada^Tarou")).isFalse();
    assertThat(matches(Tags.PatientName, "doe^john^^^", "Doe^John")).isTrue();
  }

  @Test
  void dateRanges_areInclusive_andOpenEnded() {
    assertThat(matches(Tags.StudyDate, "20240101-20240131", "20240101")).isTrue();
    assertThat(matches(Tags.StudyDate, "20240101-20240131", "20240131")).isTrue();
    assertThat(matches(Tags.StudyDate, "20240101-20240131", "20240201")).isFalse();
    assertThat(matches(Tags.StudyDate, "-20240131", "19000101")).isTrue();
    assertThat(matches(Tags.StudyDate, "20240101-", "20991231")).isTrue();
    assertThat(matches(Tags.StudyDate, "2024.01.01", "20240101")).as("ACR-NEMA form").isTrue();
  }

  @Test
  void timeAndDateTimeRanges_coverTheirBoundsAtTheirPrecision() {
    assertThat(matches(Tags.StudyTime, "10-11", "115959.999")).isTrue();
    assertThat(matches(Tags.StudyTime, "10-11", "120000")).isFalse();
    assertThat(matches(Tags.StudyTime, "1015", "101530")).isTrue();
    assertThat(matches(Tags.StudyTime, "10:15-", "101500")).isTrue();
    assertThat(matches(Tags.AcquisitionDateTime, "2024-2025", "20250630120000")).isTrue();
    assertThat(matches(Tags.AcquisitionDateTime, "202401-", "20231231235959")).isFalse();
    assertThat(matches(Tags.AcquisitionDateTime, "20240101120000-0500", "20240101120000")).as("an offset")
        .isTrue();
  }

  @Test
  void uidLists_andCodeStringLists_matchAnyMember() {
    assertThat(matches(Tags.StudyInstanceUID, "1.2.3,1.2.4", "1.2.4")).isTrue();
    assertThat(matches(Tags.StudyInstanceUID, "1.2.3\\1.2.4", "1.2.5")).isFalse();
    assertThat(key(Tags.ModalitiesInStudy, "CT\\MR").exactValues()).containsExactly("CT", "MR");
    assertThat(matches(Tags.ModalitiesInStudy, "CT\\M?", "MG")).isTrue();
    assertThat(key(Tags.ModalitiesInStudy, "CT\\M?").exactValues()).isEmpty();
  }

  @Test
  void numbers_matchByValue() {
    assertThat(matches(Tags.SeriesNumber, "5", "05")).isTrue();
    assertThat(matches(Tags.SliceThickness, "1.5", "1.50")).isTrue();
    assertThatThrownBy(() -> key(Tags.SeriesNumber, "five")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> key(Tags.SeriesNumber, "5*")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void malformedDatesAndTimes_are400() {
    for (String bad : List.of("2024", "20240101-2024", "-", "x", "20241301", "20240132")) {
      assertThatThrownBy(() -> key(Tags.StudyDate, bad)).as(bad).isInstanceOf(InvalidRequestException.class);
    }
    assertThatThrownBy(() -> key(Tags.StudyTime, "25")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> key(Tags.StudyTime, "1060")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> key(Tags.AcquisitionDateTime, "2024010125")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> key(Tags.StudyTime, "1a")).isInstanceOf(InvalidRequestException.class);
  }
}
