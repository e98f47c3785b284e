package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;

final class DictionaryEntryTest {

  @Test
  void vr_isTheFirstAlternativeOrUnWhenThereIsNone() {
    assertThat(new DictionaryEntry(0x00280106, -1, List.of(Vr.US, Vr.SS), "1", "K", false).vr())
        .isEqualTo(Vr.US);
    assertThat(new DictionaryEntry(0xFFFEE000, -1, List.of(), "1", "Item", false).vr())
        .isEqualTo(Vr.UN);
  }

  @Test
  void tagWithBitsOutsideTheMask_isRejectedNamingBoth() {
    assertThatThrownBy(() -> new DictionaryEntry(0x60023000, 0xFF00FFFF, List.of(Vr.OW), "1", "K", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(6002,3000)")
        .hasMessageContaining("FF00FFFF");
  }

  @Test
  void vrs_areCopiedAndImmutable() {
    List<Vr> vrs = new ArrayList<>(List.of(Vr.OB));
    DictionaryEntry entry = new DictionaryEntry(0x7FE00010, -1, vrs, "1", "PixelData", false);
    vrs.add(Vr.OW);
    assertThat(entry.vrs()).containsExactly(Vr.OB);
    assertThatThrownBy(() -> entry.vrs().add(Vr.OW)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullFields_areRejected() {
    assertThatThrownBy(() -> new DictionaryEntry(0, -1, null, "1", "K", false))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DictionaryEntry(0, -1, List.of(), null, "K", false))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DictionaryEntry(0, -1, List.of(), "1", null, false))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void repeatingGroupEntry_matchesOnlyEvenGroupsUpTo1E() {
    DictionaryEntry overlayData = new DictionaryEntry(0x60003000, 0xFF00FFFF, List.of(Vr.OW), "1", "OverlayData", false);
    assertThat(overlayData.isRepeating()).isTrue();
    assertThat(overlayData.matches(0x60003000)).isTrue();
    assertThat(overlayData.matches(0x601E3000)).isTrue();
    assertThat(overlayData.matches(0x60013000)).isFalse();
    assertThat(overlayData.matches(0x60203000)).isFalse();
    assertThat(overlayData.matches(0x60023001)).isFalse();
  }

  @Test
  void repeatingElementEntry_matchesEveryValueOfItsXDigits() {
    DictionaryEntry escapeTriplet = new DictionaryEntry(0x10000000, 0xFFFF000F, List.of(Vr.US), "3", "EscapeTriplet", true);
    assertThat(escapeTriplet.matches(0x10000000)).isTrue();
    assertThat(escapeTriplet.matches(0x1000FFF0)).isTrue();
    assertThat(escapeTriplet.matches(0x1000FFF1)).isFalse();
  }

  @Test
  void exactEntry_matchesOnlyItsTag() {
    DictionaryEntry patientName = new DictionaryEntry(0x00100010, 0xFFFFFFFF, List.of(Vr.PN), "1", "PatientName", false);
    assertThat(patientName.isRepeating()).isFalse();
    assertThat(patientName.matches(0x00100010)).isTrue();
    assertThat(patientName.matches(0x00100011)).isFalse();
  }
}
