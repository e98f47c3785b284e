package org.custos.archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Study Date that goes into the index's clear range-search column. */
class InstanceAttributesTest {
  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "20240131, 20240131",
      "2024.01.31, 20240131", // ACR-NEMA form, still sent by older equipment (PS3.5 6.2)
      "2024-01-31, none",
      "240131, none",
      "2024.1.31, none",
      "'', none",
      "20240131-20240201, none"})
  void rangeDate_acceptsTheDaAndAcrNemaForms_only(String stored, String indexed) {
    assertThat(InstanceAttributes.rangeDate(stored).orElse(null)).isEqualTo(indexed);
  }
}
