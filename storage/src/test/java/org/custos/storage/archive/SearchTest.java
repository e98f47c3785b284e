package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.custos.archive.search.StudyQuery;
import org.custos.archive.search.StudySummary;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search through blind indexes and opened attributes. */
class SearchTest {
  @TempDir
  static Path dir;
  static ArchiveFixture fixture;

  @BeforeAll
  static void load() {
    fixture = ArchiveFixture.create(dir);
    fixture.ingest(TestInstance.of("ID-1", "HOSP-A", "Doe^Jane^Marie").with(Tags.AccessionNumber, Vr.SH, "ACC-1")
        .with(Tags.StudyDate, Vr.DA, "20240110").with(Tags.Modality, Vr.CS, "MR").bytes());
    fixture.ingest(TestInstance.of("ID-2", "HOSP-A", "Doe^John").with(Tags.AccessionNumber, Vr.SH, "ACC-2")
        .with(Tags.StudyDate, Vr.DA, "20240320").with(Tags.Modality, Vr.CS, "CT").bytes());
    fixture.ingest(TestInstance.of("ID-3", "HOSP-B", "Roe^Richard").with(Tags.AccessionNumber, Vr.SH, "ACC-3")
        .with(Tags.StudyDate, Vr.DA, "20231201").with(Tags.Modality, Vr.CS, "MR").bytes());
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static List<String> names(StudyQuery query) {
    return fixture.archive.search(query).stream().map(StudySummary::patient).map(p -> p.get("name")).sorted().toList();
  }

  @Test
  void byPatientId_accession_andNameWords() {
    StudyQuery all = StudyQuery.all(0, 100);
    assertThat(names(all.withPatientId("ID-2"))).containsExactly("Doe^John");
    assertThat(names(all.withAccessionNumber("ACC-3"))).containsExactly("Roe^Richard");
    assertThat(names(all.withPatientName("doe"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(names(all.withPatientName("Jane Doe"))).containsExactly("Doe^Jane^Marie");
    assertThat(names(all.withPatientName("Nobody"))).isEmpty();
  }

  @Test
  void byWildcard_dateRange_andModality() {
    StudyQuery all = StudyQuery.all(0, 100);
    assertThat(names(all.withPatientName("DOE^J*"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(names(all.withPatientName("R?E*"))).containsExactly("Roe^Richard");
    assertThat(names(all.withDates("20240101", "20241231"))).containsExactly("Doe^Jane^Marie", "Doe^John");
    assertThat(names(all.withModality("MR"))).containsExactly("Doe^Jane^Marie", "Roe^Richard");
    assertThat(names(all.withPatientName("doe").withModality("CT"))).containsExactly("Doe^John");
  }

  @Test
  void everythingPaged() {
    assertThat(fixture.archive.search(StudyQuery.all(0, 2))).hasSize(2);
    assertThat(fixture.archive.search(StudyQuery.all(2, 2))).hasSize(1);
  }
}
