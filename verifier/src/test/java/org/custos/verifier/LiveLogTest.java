package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.receipt.ReceiptEntry;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --against URL}: the receipt against the live log over HTTP, served from a real tree. */
class LiveLogTest {
  static final String P = "pk-alice";
  static final String SOP1 = "2.25.1001.1.1";
  static final String SOP2 = "2.25.1001.1.2";

  @TempDir
  Path dir;
  FakeLog log;
  String receipt;
  long receiptSize;

  @BeforeEach
  void receiptOfTwoImages() {
    log = new FakeLog("custos.test/log", 1);
    log.stored(P, SOP1, 1, FakeLog.pixel("one"));
    log.stored("pk-bob", "2.25.2002.1.1", 1, FakeLog.pixel("bob"));
    log.stored(P, SOP2, 1, FakeLog.pixel("two"));
    log.access(P, "RECEIPT");
    receiptSize = log.size();
    receipt = log.receiptJson(P, receiptSize);
  }

  private Run against(LogServer.Answers answers, String... options) throws Exception {
    try (LogServer server = new LogServer(answers)) {
      List<String> args = new ArrayList<>(List.of("--log-key", log.key.verifierKey(), "--against", server.url()));
      args.addAll(List.of(options));
      return Run.receipt(dir, receipt, args.toArray(String[]::new));
    }
  }

  private Run against(FakeLog live) throws Exception {
    return against(LogServer.of(live));
  }

  @Test
  void anUntouchedRecord_isUnchangedSinceTheReceipt_evenAsTheLogGrows() throws Exception {
    log.access("pk-bob", "RETRIEVE");
    log.keyRotated();
    LogServer server = new LogServer(LogServer.of(log));
    Run run;
    try (server) {
      run = Run.receipt(dir, receipt, "--log-key", log.key.verifierKey(), "--against", server.url());
    }

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("ok      the current tree (size 6) extends the receipt's (size 4)")
        .contains(SOP1 + ": unchanged since " + java.time.Instant.ofEpochSecond(FakeLog.START + 4 * 60 + 30))
        .contains(SOP2 + ": unchanged since ");
    String lastHash = Base64.getEncoder().encodeToString(log.leaf(3).entryHash());
    assertThat(server.requests).contains("GET /log/v1/checkpoint ", "GET /log/v1/consistency?from=4&to=6 ",
        "POST /log/v1/successors {\"entryHash\":\"" + lastHash + "\",\"size\":6}");
  }

  @Test
  void aNewVersion_isReportedAsAltered_sayingWhetherThePixelsChanged() throws Exception {
    log.superseded(P, SOP1, 1, 2);
    log.stored(P, SOP1, 2, FakeLog.pixel("one")); // relabelled, same pixels
    log.stored(P, SOP2, 2, FakeLog.pixel("two, edited"));

    Run run = against(log);

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(SOP1 + ": version 1 superseded by version 2 ")
        .containsPattern(SOP1 + ": altered: version 2 stored \\S+ \\(pixel seal unchanged\\) \\(leaf 5\\)")
        .containsPattern(SOP2 + ": altered: version 2 stored \\S+ \\(pixel seal changed\\) \\(leaf 6\\)")
        .doesNotContain("unchanged since");
  }

  @Test
  void deletionsNewImagesShreddingAndAccesses_areReported() throws Exception {
    log.access(P, "RETRIEVE");
    log.deleted(P, SOP2, 1);
    log.stored(P, "2.25.1001.1.3", 1, FakeLog.pixel("three"));
    log.shredded(P);

    Run run = against(log);

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains(SOP1 + ": unchanged since ")
        .containsPattern(SOP2 + ": removed: deleted \\S+ \\(leaf 5\\)")
        .contains("new image added since: 2.25.1001.1.3 ")
        .containsPattern("patient shredded \\S+ \\(leaf 7\\)")
        .containsPattern("new access since: \\S+ api:viewer-7 \\(treatment\\) RETRIEVE study 2.25.1001 \\(leaf 4\\)");
  }

  /** The log as Custos answers after a shred: the entries sealed under the destroyed key come back as hashes only. */
  /** The answers of {@code base}, with the successors answer replaced. */
  private static LogServer.Answers withSuccessors(LogServer.Answers base,
      java.util.function.Function<org.custos.ledger.receipt.SuccessorsQuery, String> successors) {
    return new LogServer.Answers() {
      @Override
      public String checkpoint() {
        return base.checkpoint();
      }

      @Override
      public String consistency(long from, long to) {
        return base.consistency(from, to);
      }

      @Override
      public String successors(org.custos.ledger.receipt.SuccessorsQuery query) {
        return successors.apply(query);
      }
    };
  }

  /** The log as Custos answers after a shred: the entries sealed under the destroyed key come back as hashes only. */
  private static LogServer.Answers withholding(FakeLog live, java.util.Set<Long> sealed) {
    return withSuccessors(LogServer.of(live), query -> {
      List<org.custos.ledger.receipt.ReceiptEntry> all = live.successors(query.entryHash(), query.size());
      return new org.custos.ledger.receipt.SuccessorsAnswer(query.size(),
          all.stream().filter(e -> !sealed.contains(e.index())).toList(),
          all.stream().filter(e -> sealed.contains(e.index()))
              .map(e -> new org.custos.ledger.receipt.WithheldEntry(e.index(), e.entryHash(), e.proof())).toList())
          .toJson();
    });
  }

  @Test
  void entriesWithheldAfterAShred_keepTheChain_andAreReportedAsWithheld() throws Exception {
    long access = log.access(P, "RETRIEVE");
    log.shredded(P);

    Run run = against(withholding(log, java.util.Set.of(access)));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("leaf " + access + " (withheld: the patient's key was destroyed): included at size")
        .containsPattern("patient shredded \\S+ \\(leaf " + (access + 1) + "\\)");
  }

  @Test
  void aWithheldEntryThatIsNotInTheTree_fails() throws Exception {
    long access = log.access(P, "RETRIEVE");
    log.shredded(P);
    LogServer.Answers honest = withholding(log, java.util.Set.of(access));
    LogServer.Answers lying = withSuccessors(honest, query -> {
      org.custos.ledger.receipt.SuccessorsAnswer answer = org.custos.ledger.receipt.SuccessorsAnswer.parse(
          honest.successors(query));
      org.custos.ledger.receipt.WithheldEntry w = answer.withheld().get(0);
      byte[] other = w.entryHash();
      other[0] ^= 1;
      return new org.custos.ledger.receipt.SuccessorsAnswer(answer.size(), answer.entries(),
          List.of(new org.custos.ledger.receipt.WithheldEntry(w.index(), other, w.proof()))).toJson();
    });

    Run run = against(lying);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("withheld entry at leaf " + access + " is not included");
  }

  @Test
  void aRolledBackLog_fails() throws Exception {
    FakeLog shorter = log.copy(2);

    Run run = against(shorter);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("log rolled back: current size 2 < receipt size 4");
  }

  @Test
  void aForkedLog_fails() throws Exception {
    FakeLog fork = new FakeLog(log.origin, log.key, 0);
    fork.witnesses.addAll(log.witnesses);
    fork.stored(P, SOP1, 1, FakeLog.pixel("one, forged"));
    for (int i = 0; i < 5; i++) {
      fork.access("pk-bob", "SEARCH");
    }

    Run run = against(fork);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("log forked: the current tree (size 6) is not an extension of the"
        + " receipt's (size 4); the log has rewritten entries it had committed to");
  }

  @Test
  void aForkAtTheSameSize_fails() throws Exception {
    FakeLog fork = new FakeLog(log.origin, log.key, 0);
    fork.witnesses.addAll(log.witnesses);
    for (int i = 0; i < 4; i++) {
      fork.access("pk-bob", "SEARCH");
    }

    assertThat(against(fork).failures()).singleElement().asString().startsWith("log forked:");
  }

  @Test
  void successorsThatDoNotChainOn_fail() throws Exception {
    log.access(P, "RETRIEVE");
    log.access(P, "RENDER");
    LogServer.Answers honest = LogServer.of(log);
    LogServer.Answers hiding = withSuccessors(honest, query -> {
      List<ReceiptEntry> later = log.successors(query.entryHash(), query.size());
      return new SuccessorsAnswer(query.size(), later.subList(1, later.size())).toJson();
    });

    Run run = against(hiding);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("chain broken at leaf 5: its prev is not the entry hash of leaf 3"
        + " (an entry between them is missing or altered)");
  }

  @Test
  void successorsWithABadProof_fail() throws Exception {
    log.access(P, "RETRIEVE");
    LogServer.Answers honest = LogServer.of(log);
    Run run = against(withSuccessors(honest, query -> {
      ReceiptEntry e = log.successors(query.entryHash(), query.size()).get(0);
      List<byte[]> proof = new ArrayList<>(e.proof());
      proof.get(0)[0] ^= 1;
      return new SuccessorsAnswer(query.size(), List.of(new ReceiptEntry(e.index(), e.salt(), e.entry(), proof))).toJson();
    }));

    assertThat(run.failures()).containsExactly("entry at leaf 4 is not included in the tree of size 5: its salt, entry"
        + " or proof was altered, or the index is wrong");
  }

  @Test
  void aCurrentCheckpointByAnotherKey_fails() throws Exception {
    log.access(P, "RETRIEVE");
    LogServer.Answers honest = LogServer.of(log);
    NoteKeyPair impostor = NoteKeyPair.generateLogKey(log.origin);
    Run run = against(new LogServer.Answers() {
      @Override
      public String checkpoint() {
        return log.checkpoint(log.size(), impostor, List.of());
      }

      @Override
      public String consistency(long from, long to) {
        return honest.consistency(from, to);
      }

      @Override
      public String successors(SuccessorsQuery query) {
        return honest.successors(query);
      }
    });

    assertThat(run.failures()).containsExactly("the current checkpoint is not signed by the log key");
  }

  @Test
  void aCurrentCheckpointWithoutTheWitness_fails() throws Exception {
    log.access(P, "RETRIEVE");
    LogServer.Answers honest = LogServer.of(log);
    Run run = against(new LogServer.Answers() {
      @Override
      public String checkpoint() {
        return log.checkpoint(log.size(), log.key, List.of());
      }

      @Override
      public String consistency(long from, long to) {
        return honest.consistency(from, to);
      }

      @Override
      public String successors(SuccessorsQuery query) {
        return honest.successors(query);
      }
    }, "--witness", log.witnesses.get(0).verifierKey());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).hasSize(2).allMatch(f -> f.startsWith("missing witness: witness.test/w1")
        || f.equals("only 0 of the required 1 witness cosignatures"));
  }

  @Test
  void anUnreachableLog_exits3_andAServerError_too() throws Exception {
    String url;
    try (LogServer server = new LogServer(LogServer.of(log))) {
      url = server.url();
    }
    Run closed = Run.receipt(dir, receipt, "--log-key", log.key.verifierKey(), "--against", url);
    Run failing = against(new LogServer.Answers() {
      @Override
      public String checkpoint() {
        throw new LogServer.Status(503);
      }

      @Override
      public String consistency(long from, long to) {
        throw new LogServer.Status(503);
      }

      @Override
      public String successors(SuccessorsQuery query) {
        throw new LogServer.Status(503);
      }
    });

    assertThat(closed.exitCode()).isEqualTo(3);
    assertThat(closed.out()).contains("UNREACHABLE  could not reach the log at " + url.substring(0, url.length() - 1)
        + " for the checkpoint: ").contains("Result: log unreachable");
    assertThat(failing.exitCode()).isEqualTo(3);
    assertThat(failing.out()).contains("answered HTTP 503 for the checkpoint");
  }

  @Test
  void aRefusedQuestion_isAVerificationFailure() throws Exception {
    log.access(P, "RETRIEVE");
    LogServer.Answers honest = LogServer.of(log);
    Run run = against(withSuccessors(honest, query -> {
      throw new LogServer.Status(404);
    }));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).singleElement().asString().endsWith("answered HTTP 404 for the successors");
  }
}
