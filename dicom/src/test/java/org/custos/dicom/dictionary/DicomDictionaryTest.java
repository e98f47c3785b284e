package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

final class DicomDictionaryTest {

  private static DictionaryEntry entry(int tag) {
    return DicomDictionary.lookup(tag).orElseThrow();
  }

  @Test
  void patientName_resolvesToExactEntryWithVrPn() {
    assertThat(entry(0x00100010))
        .isEqualTo(new DictionaryEntry(0x00100010, 0xFFFFFFFF, List.of(Vr.PN), "1", "PatientName", false));
  }

  @Test
  void pixelData_listsObOrOwInStandardOrder() {
    DictionaryEntry pixelData = entry(0x7FE00010);
    assertThat(pixelData.vrs()).containsExactly(Vr.OB, Vr.OW);
    assertThat(pixelData.vr()).isEqualTo(Vr.OB);
    assertThat(pixelData.keyword()).isEqualTo("PixelData");
  }

  @Test
  void overlayDataInGroup6002_resolvesThroughRepeatingMask() {
    DictionaryEntry overlayData = entry(0x60023000);
    assertThat(overlayData.tag()).isEqualTo(0x60003000);
    assertThat(overlayData.mask()).isEqualTo(0xFF00FFFF);
    assertThat(overlayData.vrs()).containsExactly(Vr.OB, Vr.OW);
    assertThat(overlayData.keyword()).isEqualTo("OverlayData");
    assertThat(overlayData.retired()).isFalse();
  }

  @Test
  void overlayDataInGroup6020_isBeyondTheRepeatingRangeAndUnknown() {
    // PS3.5 7.6: overlay groups are 6000-601E.
    assertThat(DicomDictionary.lookup(0x60203000)).isEmpty();
  }

  @Test
  void overlayTagsInOddGroup6003_arePrivateNotOverlays() {
    assertThat(DicomDictionary.lookup(0x60033000)).isEmpty();
    assertThat(DicomDictionary.keywordOf(0x60030010)).isEqualTo("PrivateCreator");
  }

  @Test
  void curveDataInGroup501E_resolvesThroughRepeatingMaskAndIsRetired() {
    DictionaryEntry curveData = entry(0x501E3000);
    assertThat(curveData.tag()).isEqualTo(0x50003000);
    assertThat(curveData.mask()).isEqualTo(0xFF00FFFF);
    assertThat(curveData.keyword()).isEqualTo("CurveData");
    assertThat(curveData.retired()).isTrue();
  }

  @Test
  void smallestImagePixelValue_allowsUsOrSsAndDefaultsToUs() {
    DictionaryEntry entry = entry(0x00280106);
    assertThat(entry.keyword()).isEqualTo("SmallestImagePixelValue");
    assertThat(entry.vrs()).containsExactly(Vr.US, Vr.SS);
    assertThat(DicomDictionary.vrOf(0x00280106)).isEqualTo(Vr.US);
  }

  @Test
  void diffusionBValueXX_isAnExactFdEntry() {
    assertThat(entry(0x00189602))
        .isEqualTo(new DictionaryEntry(0x00189602, 0xFFFFFFFF, List.of(Vr.FD), "1", "DiffusionBValueXX", false));
  }

  @Test
  void groupLengthOfPrivateGroup0009_isSynthesizedAsRetiredUl() {
    assertThat(entry(0x00090000)).isEqualTo(
        new DictionaryEntry(0x00090000, 0xFFFFFFFF, List.of(Vr.UL), "1", "PrivateGroupLength", true));
    assertThat(DicomDictionary.vrOf(0x00090000)).isEqualTo(Vr.UL);
  }

  @Test
  void groupLengthOfEvenGroup0008_isSynthesizedAsGenericGroupLength() {
    assertThat(entry(0x00080000).keyword()).isEqualTo("GenericGroupLength");
    assertThat(entry(0x00080000).vr()).isEqualTo(Vr.UL);
    assertThat(entry(0x60000000).keyword()).isEqualTo("GenericGroupLength");
  }

  @Test
  void commandAndFileMetaGroupLengths_comeFromTheRegistry() {
    assertThat(entry(0x00000000).keyword()).isEqualTo("CommandGroupLength");
    assertThat(entry(0x00020000).keyword()).isEqualTo("FileMetaInformationGroupLength");
    assertThat(entry(0x00020000).retired()).isFalse();
  }

  @Test
  void privateCreator0029_0010_isSynthesizedAsLo() {
    assertThat(entry(0x00290010))
        .isEqualTo(new DictionaryEntry(0x00290010, 0xFFFFFFFF, List.of(Vr.LO), "1", "PrivateCreator", false));
    assertThat(entry(0x002900FF).keyword()).isEqualTo("PrivateCreator");
  }

  @Test
  void privateDataElement0029_1010_isUnknown() {
    assertThat(DicomDictionary.lookup(0x00291010)).isEmpty();
    assertThat(DicomDictionary.keywordOf(0x00291010)).isEmpty();
    assertThat(DicomDictionary.vrOf(0x00291010)).isEqualTo(Vr.UN);
  }

  @Test
  void privateElementBelowTheCreatorRange_isUnknown() {
    assertThat(DicomDictionary.lookup(0x00290005)).isEmpty();
    assertThat(DicomDictionary.lookup(0x00290100)).isEmpty();
  }

  @Test
  void unknownPublicTag_isEmptyWithUnAndNoKeyword() {
    assertThat(DicomDictionary.lookup(0x00060002)).isEmpty();
    assertThat(DicomDictionary.keywordOf(0x00060002)).isEmpty();
    assertThat(DicomDictionary.vrOf(0x00060002)).isEqualTo(Vr.UN);
  }

  @Test
  void exactTag_winsOverARepeatingTagThatAlsoMatches() {
    // (0028,0400) Transform Label is exact; (0028,04x0) would match it too.
    assertThat(entry(0x00280400).keyword()).isEqualTo("TransformLabel");
    DictionaryEntry rows = entry(0x00280410);
    assertThat(rows.keyword()).isEqualTo("RowsForNthOrderCoefficients");
    assertThat(rows.mask()).isEqualTo(0xFFFFFF0F);
  }

  @Test
  void elementRepeatingTags_deriveTheirMaskFromTheXDigits() {
    assertThat(entry(0x10000120).keyword()).isEqualTo("EscapeTriplet");
    assertThat(entry(0x10000120).mask()).isEqualTo(0xFFFF000F);
    assertThat(entry(0x00203105).keyword()).isEqualTo("SourceImageIDs");
    assertThat(entry(0x00203105).mask()).isEqualTo(0xFFFFFF00);
    assertThat(entry(0x10101234).keyword()).isEqualTo("ZonalMap");
    assertThat(entry(0x10101234).mask()).isEqualTo(0xFFFF0000);
  }

  @Test
  void itemAndDelimitationTags_haveNoVr() {
    assertThat(entry(0xFFFEE000).vrs()).isEmpty();
    assertThat(entry(0xFFFEE000).vr()).isEqualTo(Vr.UN);
    assertThat(entry(0xFFFEE0DD).keyword()).isEqualTo("SequenceDelimitationItem");
  }

  @Test
  void exactHit_returnsTheSameOptionalEveryTime() {
    assertThat(DicomDictionary.lookup(0x00100010)).isSameAs(DicomDictionary.lookup(0x00100010));
  }

  @Test
  void keywordAndTag_resolveBothWays() {
    assertThat(DicomDictionary.tagOf("PatientName")).hasValue(0x00100010);
    assertThat(DicomDictionary.tagOf("PixelData")).hasValue(0x7FE00010);
    assertThat(DicomDictionary.keywordOf(0x00100020)).isEqualTo("PatientID");
    assertThat(DicomDictionary.byKeyword("PatientID").orElseThrow().tag()).isEqualTo(0x00100020);
  }

  @Test
  void repeatingKeyword_resolvesToBaseTagAndMask() {
    DictionaryEntry overlayData = DicomDictionary.byKeyword("OverlayData").orElseThrow();
    assertThat(overlayData.tag()).isEqualTo(0x60003000);
    assertThat(overlayData.mask()).isEqualTo(0xFF00FFFF);
    assertThat(DicomDictionary.keywordOf(0x60023000)).isEqualTo("OverlayData");
  }

  @Test
  void unknownAndSynthesizedKeywords_doNotResolve() {
    assertThat(DicomDictionary.tagOf("NoSuchKeyword")).isEmpty();
    assertThat(DicomDictionary.tagOf("")).isEmpty();
    assertThat(DicomDictionary.byKeyword("PrivateCreator")).isEmpty();
    assertThat(DicomDictionary.byKeyword("GenericGroupLength")).isEmpty();
  }

  @Test
  void retiredFlags_followTheRegistryEdition() {
    assertThat(entry(0x00080001).retired()).isTrue(); // Length to End
    assertThat(entry(0x00102160).retired()).isTrue(); // Ethnic Group, retired after 2024e
    assertThat(entry(0x30040012).retired()).isFalse(); // Dose Value, no longer retired in 2026b
    assertThat(entry(0x60000012).keyword()).isEqualTo("OverlayPlanes");
    assertThat(entry(0x60000012).retired()).isTrue();
  }

  @Test
  void retiredEntryWithoutKeyword_isKnownWithEmptyKeyword() {
    DictionaryEntry entry = entry(0x00080202);
    assertThat(entry.keyword()).isEmpty();
    assertThat(entry.retired()).isTrue();
    assertThat(entry.vrs()).isEmpty();
    assertThat(DicomDictionary.keywordOf(0x00080202)).isEmpty();
  }
}
