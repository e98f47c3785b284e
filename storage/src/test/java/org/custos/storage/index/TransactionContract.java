package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.storage.index.SampleRows.at;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.custos.archive.StorageException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.ArchiveEvent.Kind;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.junit.jupiter.api.Test;

/**
 * Contract, part three: transactions (rollback, sessions that die with them), messages without
 * values, durability across reopen, parallel writers, millisecond time.
 */
interface TransactionContract extends IndexFixture {
  // Transactions

  @Test
  default void exceptionFromTheWork_rollsBackEverything_andPropagatesUnchanged() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicReference<Chain> made = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                index()
                    .write(
                        s -> {
                          made.set(chain(s));
                          s.recordEvent(ArchiveEvent.of(at(1), Kind.INSTANCE_STORED, "ins-1", ""));
                          s.putSetting("x", new byte[1]);
                          throw boom;
                        }))
        .isSameAs(boom);
    assertThat(index().read((IndexSession s) -> s.patient(made.get().patient().patientId())))
        .isEmpty();
    assertThat(index().read((IndexSession s) -> s.study(made.get().study().studyId()))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.events(Optional.empty(), 10))).isEmpty();
    assertThat(index().read((IndexSession s) -> s.setting("x"))).isEmpty();
  }

  @Test
  default void failedStatement_rollsBackTheEarlierStatementsOfItsTransaction() {
    PatientRow p = SampleRows.patient();
    assertThatThrownBy(
            () ->
                index()
                    .write(
                        s -> {
                          s.insertPatient(p);
                          s.insertPatient(p);
                          return null;
                        }))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("insertPatient");
    assertThat(index().read((IndexSession s) -> s.patient(p.patientId()))).isEmpty();
    update(s -> s.insertPatient(p));
    assertThat(index().read((IndexSession s) -> s.patient(p.patientId()))).isPresent();
  }

  @Test
  default void failureMessages_nameTheOperation_neverTheValues() {
    byte[] phi = SampleRows.phiMarker();
    PatientRow p =
        new PatientRow(
            "pat-phi",
            phi.clone(),
            Optional.empty(),
            Optional.of(phi.clone()),
            false,
            SampleRows.T0,
            Optional.empty());
    PatientRow twin =
        new PatientRow(
            "pat-phi-2",
            phi.clone(),
            Optional.empty(),
            Optional.of(phi.clone()),
            false,
            SampleRows.T0,
            Optional.empty());
    update(s -> s.insertPatient(p));
    Throwable thrown = null;
    try {
      update(s -> s.insertPatient(twin));
    } catch (StorageException e) {
      thrown = e;
    }
    assertThat(thrown).isNotNull().hasMessageContaining("insertPatient");
    String text = new String(phi, StandardCharsets.UTF_8);
    String hex = HexFormat.of().formatHex(phi);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("SECRET")
          .doesNotContainIgnoringCase(hex)
          .doesNotContain(text);
    }
  }

  @Test
  default void readTransaction_refusesWrites_andSessionsDieWithTheirTransaction() {
    assertThatThrownBy(
            () ->
                index()
                    .read(
                        (IndexSession s) -> {
                          s.putSetting("x", new byte[1]);
                          return null;
                        }))
        .isInstanceOf(IllegalStateException.class);
    IndexSession escaped = index().read((IndexSession s) -> s);
    assertThatThrownBy(() -> escaped.setting("x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index().write(s -> index().write(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(index().write((IndexSession s) -> 42)).isEqualTo(42);
  }

  @Test
  default void committedWrites_survive_closeAndReopen() {
    Chain c = newChain();
    InstanceRow inst = instance(c, SampleRows.token(), 1);
    update(s -> s.insertInstance(inst));
    reopenIndex();
    assertRow(index().read(s -> s.instance(inst.instanceId())), inst);
    assertRow(index().read(s -> s.patient(c.patient().patientId())), c.patient());
    assertThat(index().describe()).isNotBlank();
  }

  @Test
  default void parallelWrites_fromSeveralThreads_allLand() throws Exception {
    int threads = 4;
    int writesEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < writesEach; i++) {
                    update(
                        s -> {
                          Chain c = chain(s);
                          s.insertInstance(instance(c, SampleRows.token(), 1));
                          s.recordEvent(
                              ArchiveEvent.of(
                                  at(1), Kind.INSTANCE_STORED, c.patient().patientId(), ""));
                        });
                  }
                }));
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < writesEach; i++) {
                    index().read(IndexSession::countInstances);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index().read(IndexSession::countInstances)).isEqualTo(threads * writesEach);
    assertThat(index().read((IndexSession s) -> s.patients(0, 1000))).hasSize(threads * writesEach);
    assertThat(index().read((IndexSession s) -> s.events(Optional.empty(), 1000)))
        .hasSize(threads * writesEach);
  }

  @Test
  default void instants_areKeptToTheMillisecond() {
    PatientRow p =
        new PatientRow(
            SampleRows.id("pat"),
            SampleRows.token(),
            Optional.empty(),
            Optional.empty(),
            false,
            Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
            Optional.empty());
    update(s -> s.insertPatient(p));
    assertThat(index().read((IndexSession s) -> s.patient(p.patientId())).orElseThrow().created())
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_000_000));
  }
}
