package org.custos.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custos.dicom.Vr;

/** Every int is a possible tag in a hostile file; look-ups must be total and self-consistent. */
final class DicomDictionaryPropertiesTest {

  @Property(tries = 20_000)
  void anyTag_resolvesConsistentlyAcrossLookupVrOfAndKeywordOf(@ForAll int tag) {
    assertConsistent(tag);
  }

  @Property(tries = 5_000)
  void tagsInRepeatingGroups_resolveConsistently(@ForAll("repeatingGroupTags") int tag) {
    assertConsistent(tag);
  }

  @Provide
  Arbitrary<Integer> repeatingGroupTags() {
    Arbitrary<Integer> group = Arbitraries.of(0x5000, 0x6000, 0x7F00, 0x1000, 0x1010, 0x0020, 0x0028)
        .flatMap(base -> Arbitraries.integers().between(0, 0x3F).map(low -> base | low));
    Arbitrary<Integer> element = Arbitraries.integers().between(0, 0xFFFF);
    return group.flatMap(g -> element.map(e -> (g << 16) | e));
  }

  private static void assertConsistent(int tag) {
    Optional<DictionaryEntry> entry = DicomDictionary.lookup(tag);
    entry.ifPresent(e -> assertThat(e.matches(tag)).isTrue());
    assertThat(DicomDictionary.vrOf(tag)).isEqualTo(entry.map(DictionaryEntry::vr).orElse(Vr.UN));
    assertThat(DicomDictionary.keywordOf(tag)).isEqualTo(entry.map(DictionaryEntry::keyword).orElse(""));
    if (entry.isEmpty()) {
      assertThat((tag & 0xFFFF) != 0).as("group lengths are always known").isTrue();
    }
  }
}
