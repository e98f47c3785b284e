package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Consumer;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.index.SeriesRow;
import org.custos.archive.index.StudyRow;

/**
 * What the parts of {@link ArchiveIndexContract} share: the index under test and helpers that build
 * the rows ingest would write. Reads inside {@code assertThat} spell the lambda's parameter type,
 * {@code (IndexSession s) ->}, because assertThat's overloads defeat inference otherwise.
 */
interface IndexFixture {
  /** The index under test, open. */
  ArchiveIndex index();

  /** Closes the index and opens the same store again. */
  void reopenIndex();

  /** Runs {@code work} in a write transaction. */
  default void update(Consumer<IndexSession> work) {
    index()
        .write(
            s -> {
              work.accept(s);
              return null;
            });
  }

  /** A patient with one study and one series, as ingest creates them. */
  record Chain(PatientRow patient, StudyRow study, SeriesRow series) {}

  default Chain chain(IndexSession s) {
    PatientRow p = SampleRows.patient();
    StudyRow st = SampleRows.study(p.patientId());
    SeriesRow se = SampleRows.series(st.studyId());
    s.insertPatient(p);
    s.insertStudy(st);
    s.insertSeries(se);
    return new Chain(p, st, se);
  }

  default Chain newChain() {
    return index().write(this::chain);
  }

  default InstanceRow instance(Chain c, byte[] uidToken, int version) {
    return SampleRows.instance(c.series(), c.study(), uidToken, version);
  }

  /** Compares field by field, byte arrays by content. */
  default void assertRow(Optional<?> actual, Object expected) {
    assertThat(actual).get().usingRecursiveComparison().isEqualTo(expected);
  }
}
