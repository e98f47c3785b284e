package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.custos.ledger.Cosignature;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.SignedNote;
import org.custos.ledger.WitnessKey;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness against a real in-memory tree: it cosigns extensions and alarms on rollback, fork and a foreign key. */
class WitnessTest {
  @TempDir
  Path state;
  FakeLog log;
  ByteArrayOutputStream printed = new ByteArrayOutputStream();
  final List<String> submitted = new ArrayList<>();

  /** Serves one FakeLog at a chosen size, and records the cosigned notes handed to it. */
  final class Served implements LogSource {
    FakeLog served;
    long size;
    NoteKeyPair signer;

    Served(FakeLog served, long size) {
      this.served = served;
      this.size = size;
      this.signer = served.key;
    }

    @Override
    public String checkpoint() {
      return served.checkpoint(size, signer, List.of());
    }

    @Override
    public ConsistencyAnswer consistency(long fromSize, long toSize) {
      return ConsistencyAnswer.parse(served.consistencyJson(fromSize, toSize));
    }

    @Override
    public SuccessorsAnswer successors(SuccessorsQuery query) {
      throw new UnsupportedOperationException("a witness never asks for successors");
    }

    @Override
    public String cosign(String cosignedNote) {
      submitted.add(cosignedNote);
      return "accepted";
    }

    @Override
    public String describe() {
      return "in memory";
    }
  }

  @BeforeEach
  void aLogOfFiveLeaves() throws Exception {
    log = new FakeLog("custos.test/log", 0);
    for (int i = 0; i < 5; i++) {
      log.stored("pk-alice", "2.25.7." + i, 1, FakeLog.pixel("p" + i));
    }
    Witness.init(state, "witness.test/w");
  }

  private Witness.Outcome poll(Served source) throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(FakeLog.START + 10_000), ZoneOffset.UTC);
    return new Witness(Witness.load(state), log.key.noteKey(), source, state, clock,
        new PrintStream(printed, true, StandardCharsets.UTF_8)).poll();
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void cosignsTheFirstCheckpoint_andEachExtension_withAValidCosignature() throws Exception {
    assertThat(poll(new Served(log, 3))).isEqualTo(Witness.Outcome.COSIGNED);
    assertThat(poll(new Served(log, 5))).isEqualTo(Witness.Outcome.COSIGNED);

    WitnessKey witness = WitnessKey.parse(Files.readString(state.resolve("witness.vkey")).strip());
    assertThat(submitted).hasSize(2).allSatisfy(note ->
        assertThat(Cosignature.verify(witness, SignedNote.parse(note))).hasValue(FakeLog.START + 10_000));
    assertThat(SignedNote.parse(submitted.get(1)).verifiedBy(log.key.noteKey())).isTrue();
    assertThat(Files.getPosixFilePermissions(state.resolve("witness.key"))).containsExactlyInAnyOrder(
        java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void aSmallerTree_isARollbackAlarm_andNothingIsCosigned() throws Exception {
    poll(new Served(log, 5));
    submitted.clear();

    assertThat(poll(new Served(log.copy(4), 4))).isEqualTo(Witness.Outcome.ALARM);
    assertThat(output()).contains("ALARM: log rolled back: it now has 4 leaves, but this witness cosigned 5");
    assertThat(submitted).isEmpty();
  }

  @Test
  void anotherHistory_isAForkAlarm_atTheSameSizeAndWhenLarger() throws Exception {
    poll(new Served(log, 3));
    FakeLog fork = log.copy(2);
    for (int i = 0; i < 4; i++) {
      fork.access("pk-alice", "RETRIEVE");
    }
    submitted.clear();

    assertThat(poll(new Served(fork, 3))).isEqualTo(Witness.Outcome.ALARM);
    assertThat(poll(new Served(fork, 6))).isEqualTo(Witness.Outcome.ALARM);
    assertThat(output()).contains("ALARM: log forked: another root at the size 3")
        .contains("ALARM: log forked: the tree of 6 leaves is not an extension of the 3");
    assertThat(submitted).isEmpty();
  }

  @Test
  void aCheckpointSignedByAnotherKey_isAnAlarm() throws Exception {
    Served forged = new Served(log, 5);
    forged.signer = NoteKeyPair.generateLogKey("custos.test/log");

    assertThat(poll(forged)).isEqualTo(Witness.Outcome.ALARM);
    assertThat(output()).contains("is not signed by the log key");
    assertThat(submitted).isEmpty();
  }

  @Test
  void initTwice_isRefused_andTheCommandLineSaysHow() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = WitnessCommand.run(new String[] {"init", "--state", state.toString(), "--name", "again"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds a witness");
  }
}
