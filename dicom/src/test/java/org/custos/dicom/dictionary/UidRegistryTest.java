package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class UidRegistryTest {

  @Test
  void jpegBaseline_isACurrentTransferSyntax() {
    assertThat(UidRegistry.lookup("1.2.840.10008.1.2.4.50")).contains(new UidEntry(
        "1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", "Transfer Syntax", "JPEGBaseline8Bit", false));
  }

  @Test
  void explicitVrBigEndian_isRetired() {
    UidEntry entry = UidRegistry.lookup("1.2.840.10008.1.2.2").orElseThrow();
    assertThat(entry.retired()).isTrue();
    assertThat(entry.name()).isEqualTo("Explicit VR Big Endian");
  }

  @Test
  void sopClass_isKnownWithItsType() {
    UidEntry ctImage = UidRegistry.lookup("1.2.840.10008.5.1.4.1.1.2").orElseThrow();
    assertThat(ctImage.name()).isEqualTo("CT Image Storage");
    assertThat(ctImage.type()).isEqualTo(UidEntry.SOP_CLASS);
    assertThat(ctImage.keyword()).isEqualTo("CTImageStorage");
    assertThat(ctImage.isTransferSyntax()).isFalse();
  }

  @Test
  void transferSyntaxes_areAllTransferSyntaxesInRegistryOrder() {
    assertThat(UidRegistry.transferSyntaxes())
        .hasSize(63)
        .allMatch(UidEntry::isTransferSyntax)
        .extracting(UidEntry::uid)
        .startsWith("1.2.840.10008.1.2", "1.2.840.10008.1.2.1")
        .contains("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.8.1",
            "1.2.840.10008.1.2.2");
  }

  @Test
  void transferSyntaxes_cannotBeModified() {
    assertThatThrownBy(() -> UidRegistry.transferSyntaxes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nameOf_givesTheNameOrEmptyWhenUnknown() {
    assertThat(UidRegistry.nameOf("1.2.840.10008.1.1")).isEqualTo("Verification SOP Class");
    assertThat(UidRegistry.nameOf("1.2.3.4")).isEmpty();
    assertThat(UidRegistry.nameOf("")).isEmpty();
  }

  @Test
  void unknownOrPaddedUid_isNotFound() {
    assertThat(UidRegistry.lookup("1.2.3.4")).isEmpty();
    // PS3.5 9.1: a UI value is padded with NUL to even length; callers strip it before looking up.
    assertThat(UidRegistry.lookup("1.2.840.10008.1.2.1\0")).isEmpty();
  }

  @Test
  void retiredUidWithoutName_isKnownWithEmptyName() {
    UidEntry entry = UidRegistry.lookup("1.2.840.10008.5.1.4.1.1.40").orElseThrow();
    assertThat(entry.name()).isEmpty();
    assertThat(entry.keyword()).isEmpty();
    assertThat(entry.retired()).isTrue();
  }

  @Test
  void emptyUid_isRejectedByTheRecord() {
    assertThatThrownBy(() -> new UidEntry("", "n", "t", "k", false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
