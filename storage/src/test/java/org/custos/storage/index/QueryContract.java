package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.storage.index.SampleRows.at;

import java.util.Optional;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;
import org.junit.jupiter.api.Test;

/** Contract, part four: the lookups of the query services (QIDO-RS, WADO-RS) on clear columns. */
interface QueryContract extends IndexFixture {
  @Test
  default void studiesByDate_isInclusive_inCreationOrder_andSkipsUndatedStudies() {
    Chain c = newChain();
    String patient = c.patient().patientId();
    StudyRow early = new StudyRow(SampleRows.id("stu"), patient, SampleRows.token(), SampleRows.bytes(8),
        Optional.of("19990101"), at(1));
    StudyRow late = new StudyRow(SampleRows.id("stu"), patient, SampleRows.token(), SampleRows.bytes(8),
        Optional.of("19991231"), at(2));
    StudyRow undated = new StudyRow(SampleRows.id("stu"), patient, SampleRows.token(), SampleRows.bytes(8),
        Optional.empty(), at(3));
    update(s -> {
      s.insertStudy(late);
      s.insertStudy(early);
      s.insertStudy(undated);
    });

    assertThat(index().read((IndexSession s) -> s.studiesByDate("19990101", "19991231")))
        .extracting(StudyRow::studyId).containsExactly(late.studyId(), early.studyId());
    assertThat(index().read((IndexSession s) -> s.studiesByDate("19990102", "19991231")))
        .extracting(StudyRow::studyId).containsExactly(late.studyId());
    assertThat(index().read((IndexSession s) -> s.studiesByDate("00000000", "19981231"))).isEmpty();
  }

  @Test
  default void seriesByModality_matchesTheWholeValue() {
    Chain c = newChain();
    SeriesRow mr = new SeriesRow(SampleRows.id("ser"), c.study().studyId(), SampleRows.token(), "QMR",
        SampleRows.bytes(8), at(1));
    SeriesRow mr2 = new SeriesRow(SampleRows.id("ser"), c.study().studyId(), SampleRows.token(), "QMR2",
        SampleRows.bytes(8), at(2));
    update(s -> {
      s.insertSeries(mr);
      s.insertSeries(mr2);
    });

    assertThat(index().read((IndexSession s) -> s.seriesByModality("QMR")))
        .extracting(SeriesRow::seriesId).containsExactly(mr.seriesId());
    assertThat(index().read((IndexSession s) -> s.seriesByModality("QM"))).isEmpty();
  }

  @Test
  default void counts_andFirstInstance_seeCurrentVersionsOnly() {
    Chain c = newChain();
    byte[] uid = SampleRows.token();
    InstanceRow v1 = instance(c, uid, 1);
    InstanceRow v2 = instance(c, uid, 2);
    InstanceRow other = instance(c, SampleRows.token(), 1);
    update(s -> s.insertInstance(v1));
    update(s -> {
      s.supersede(v1.instanceId());
      s.insertInstance(v2);
      s.insertInstance(other);
    });

    assertThat(index().read((IndexSession s) -> s.countInstancesOfStudy(c.study().studyId()))).isEqualTo(2);
    assertThat(index().read((IndexSession s) -> s.countInstancesOfSeries(c.series().seriesId()))).isEqualTo(2);
    assertThat(index().read((IndexSession s) -> s.countInstancesOfSeries("ser-none"))).isZero();
    assertThat(index().read((IndexSession s) -> s.firstInstanceOfSeries(c.series().seriesId())))
        .get().extracting(InstanceRow::instanceId).isEqualTo(v2.instanceId());
    assertThat(index().read((IndexSession s) -> s.firstInstanceOfSeries("ser-none"))).isEmpty();
  }
}
