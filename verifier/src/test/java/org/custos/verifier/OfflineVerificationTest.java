package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.json.Json;
import org.custos.ledger.receipt.Receipt;
import org.custos.ledger.receipt.ReceiptEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipt alone: every offline check passes on a genuine receipt and fails on each kind of tampering. */
class OfflineVerificationTest {
  static final String P = "pk-alice";
  static final String SOP = "2.25.1001.1.1";

  @TempDir
  Path dir;
  FakeLog log;
  String logKey;
  String[] witnessArgs;

  @BeforeEach
  void log() {
    log = new FakeLog("custos.test/log", 2);
    log.keyRotated();
    log.stored(P, SOP, 1, FakeLog.pixel("a"));
    log.access("pk-bob", "SEARCH");
    log.access(P, "RETRIEVE");
    log.stored(P, "2.25.1001.1.2", 1, FakeLog.pixel("b"));
    log.access(P, "RENDER");
    logKey = log.key.verifierKey();
    witnessArgs = new String[] {"--witness", log.witnesses.get(0).verifierKey(), "--witness", log.witnesses.get(1).verifierKey()};
  }

  private Run verify(String receiptJson, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--log-key", logKey));
    args.addAll(List.of(witnessArgs));
    args.addAll(List.of(options));
    return Run.receipt(dir, receiptJson, args.toArray(String[]::new));
  }

  /** The patient's genuine entries at the current size, changed by {@code edit}, signed by the log key. */
  private String lyingReceipt(java.util.function.UnaryOperator<List<ReceiptEntry>> edit) {
    List<ReceiptEntry> entries = edit.apply(new ArrayList<>(log.entriesOf(P, log.size())));
    return log.signed(log.receipt(P, log.size(), log.checkpoint(log.size()), entries));
  }

  private static ReceiptEntry withEntry(ReceiptEntry e, String member, Object value) {
    Map<String, Object> entry = new java.util.LinkedHashMap<>(e.entry());
    entry.put(member, value);
    return new ReceiptEntry(e.index(), e.salt(), entry, e.proof());
  }

  @Test
  void aGenuineReceipt_verifies_andListsImagesAndAccesses() throws Exception {
    Run run = verify(log.receiptJson(P, log.size()));

    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.failures()).isEmpty();
    assertThat(run.out())
        .contains("ok      receipt signed by the log key custos.test/log")
        .contains("ok      checkpoint (size 6) signed by the log key")
        .contains("ok      witness witness.test/w1 cosigned at ")
        .contains("ok      2 of 2 witnesses cosigned (2 required)")
        .contains("ok      leaf 1 (instance.stored): included at size 6, chained")
        .contains(SOP + " version 1 stored " + log.leaf(1).entry().get("time") + ", seals stored ")
        .contains("(DECODED)")
        .contains(": included at leaf 1")
        .contains("api:viewer-7 (treatment) RETRIEVE study 2.25.1001: included at leaf 3")
        .contains("Result: verified")
        .doesNotContain("pk-bob");
  }

  @Test
  void withoutLogKey_theReceiptsOwnKeyIsTrusted_andTheReportSaysSo() throws Exception {
    Run run = Run.receipt(dir, log.receiptJson(P, log.size()));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("trusting the key in the receipt: " + logKey + " (key hash ")
        .containsPattern("key hash [0-9a-f]{64}\\)");
  }

  @Test
  void aTamperedSalt_failsInclusion() throws Exception {
    String json = log.receiptJson(P, log.size());
    String salt = Base64.getEncoder().encodeToString(log.leaf(3).salt());
    byte[] changed = log.leaf(3).salt();
    changed[0] ^= 1;

    Run run = verify(json.replace(salt, Base64.getEncoder().encodeToString(changed)));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).contains("entry at leaf 3 is not included in the tree of size 6: its salt, entry or proof"
        + " was altered, or the index is wrong");
  }

  @Test
  void aTamperedEntryField_failsInclusion_evenWhenTheLogResignsTheReceipt() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      entries.set(1, withEntry(entries.get(1), "action", "METADATA"));
      return entries;
    }));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).anyMatch(f -> f.startsWith("entry at leaf 3 is not included"));
    assertThat(run.out()).contains("ok      receipt signed by the log key");
  }

  @Test
  void aTamperedProofHash_failsInclusion() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      ReceiptEntry e = entries.get(0);
      List<byte[]> proof = new ArrayList<>(e.proof());
      proof.get(0)[31] ^= (byte) 0x80;
      entries.set(0, new ReceiptEntry(e.index(), e.salt(), e.entry(), proof));
      return entries;
    }));

    assertThat(run.failures()).anyMatch(f -> f.startsWith("entry at leaf 1 is not included"));
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aTamperedIndex_failsInclusion() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      ReceiptEntry e = entries.get(1);
      entries.set(1, new ReceiptEntry(2, e.salt(), e.entry(), e.proof()));
      return entries;
    }));

    assertThat(run.failures()).anyMatch(f -> f.startsWith("entry at leaf 2 is not included"));
  }

  @Test
  void anIndexOutsideTheTree_fails() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      ReceiptEntry e = entries.get(3);
      entries.set(3, new ReceiptEntry(60, e.salt(), e.entry(), e.proof()));
      return entries;
    }));

    assertThat(run.failures()).contains("entry at leaf 60 is outside the checkpoint's tree of 6 leaves");
  }

  @Test
  void entriesOutOfOrder_fail() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      java.util.Collections.swap(entries, 1, 2);
      return entries;
    }));

    assertThat(run.failures()).contains("entry at leaf 3 does not come after leaf 4: entries must increase strictly by index");
  }

  @Test
  void aReceiptWithAnAlteredMember_failsItsSignature() throws Exception {
    String json = log.receiptJson(P, log.size());

    Run run = verify(json.replaceFirst("\"issued\": \"[^\"]+\"", "\"issued\": \"2027-01-01T00:00:00Z\""));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("the receipt's signature is not the log key's: the receipt was altered"
        + " or signed by another key");
  }

  @Test
  void aCheckpointSignedByAnotherKey_fails() throws Exception {
    NoteKeyPair impostor = NoteKeyPair.generateLogKey("custos.test/log");
    String checkpoint = log.checkpoint(log.size(), impostor, log.witnesses);

    Run run = verify(log.signed(log.receipt(P, log.size(), checkpoint, log.entriesOf(P, log.size()))));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("the checkpoint is not signed by the log key");
  }

  @Test
  void aReceiptFromAnotherKey_failsAgainstTheTrustedKey() throws Exception {
    FakeLog other = new FakeLog("custos.test/log", 0);
    other.stored(P, SOP, 1, FakeLog.pixel("a"));

    Run run = Run.receipt(dir, other.receiptJson(P, 1), "--log-key", logKey);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).contains("the receipt's signature is not the log key's: the receipt was altered"
        + " or signed by another key", "the checkpoint is not signed by the log key")
        .anyMatch(f -> f.startsWith("the receipt names log key " + other.key.verifierKey()));
  }

  @Test
  void aReceiptForADifferentOrigin_fails() throws Exception {
    FakeLog elsewhere = new FakeLog("custos.other/log", log.key, 0);
    elsewhere.stored(P, SOP, 1, FakeLog.pixel("a"));
    Receipt receipt = new Receipt("custos.test/log", log.key.noteKey(), P, java.time.Instant.parse("2026-11-25T20:00:00Z"),
        elsewhere.checkpoint(1), elsewhere.entriesOf(P, 1));

    Run run = Run.receipt(dir, log.signed(receipt), "--log-key", logKey);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("receipt for a different log: the checkpoint's origin is"
        + " custos.other/log, the receipt names custos.test/log");
  }

  @Test
  void aChainGap_fails() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      entries.remove(1);
      return entries;
    }));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).containsExactly("chain broken at leaf 4: its prev is not the entry hash of leaf 1"
        + " (an entry between them is missing or altered)");
  }

  @Test
  void aChainThatDoesNotStartAtTheFirstEntry_fails() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      entries.remove(0);
      return entries;
    }));

    assertThat(run.failures()).containsExactly("chain broken at leaf 3: it names a previous entry that is not here,"
        + " so the chain does not start at the patient's first entry");
  }

  @Test
  void anotherPatientsEntry_fails() throws Exception {
    Run run = verify(lyingReceipt(entries -> {
      List<ReceiptEntry> bob = log.entriesOf("pk-bob", log.size());
      entries.add(2, bob.get(0));
      return entries;
    }));

    assertThat(run.failures()).contains("entry at leaf 2 (access) is not an entry of pk-alice");
  }

  @Test
  void aMissingWitness_fails_unlessTheQuorumIsMet() throws Exception {
    String checkpoint = log.checkpoint(log.size(), log.key, List.of(log.witnesses.get(0)));
    String json = log.signed(log.receipt(P, log.size(), checkpoint, log.entriesOf(P, log.size())));

    Run strict = verify(json);
    Run quorum = verify(json, "--min-witnesses", "1");

    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.failures()).containsExactly(
        "missing witness: witness.test/w2 (key id " + String.format("%08x", log.witnesses.get(1).witnessKey().keyId())
            + ") has no valid cosignature on the checkpoint",
        "only 1 of the required 2 witness cosignatures");
    assertThat(quorum.exitCode()).isZero();
    assertThat(quorum.out()).contains("(the quorum is met without it)").contains("ok      1 of 2 witnesses cosigned (1 required)");
  }

  @Test
  void cosignaturesByUnknownKeys_areListedAsNotChecked() throws Exception {
    Run run = Run.receipt(dir, log.receiptJson(P, log.size()), "--log-key", logKey);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--      signature by witness.test/w1 (key id ")
        .contains(") not checked: no --witness key for it");
  }

  @Test
  void aMalformedReceipt_failsNamingThePath() throws Exception {
    String json = log.receiptJson(P, log.size()).replace("\"RETRIEVE\"", "\"PEEK\"");

    Run run = verify(json);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.failures()).singleElement().asString()
        .startsWith("not a valid custos-receipt/1 document: $.entries[1].entry.action: expected one of");
  }

  @Test
  void theJsonReport_isMachineReadable() throws Exception {
    Run good = verify(log.receiptJson(P, log.size()), "--json");
    Run bad = verify(lyingReceipt(entries -> entries.subList(1, entries.size())), "--json");

    Map<?, ?> report = (Map<?, ?>) Json.parse(good.out());
    assertThat(report.get("result")).isEqualTo("verified");
    assertThat(report.get("exitCode")).isEqualTo(0L);
    List<?> findings = (List<?>) report.get("findings");
    assertThat(findings).anySatisfy(f -> {
      Map<?, ?> m = (Map<?, ?>) f;
      assertThat(m.get("check")).isEqualTo("image");
      assertThat(m.get("index")).isEqualTo(1L);
      assertThat(((Map<?, ?>) m.get("entry")).get("sop")).isEqualTo(SOP);
    });
    Map<?, ?> failed = (Map<?, ?>) Json.parse(bad.out());
    assertThat(failed.get("result")).isEqualTo("failed");
    assertThat(failed.get("exitCode")).isEqualTo(2L);
    assertThat((List<?>) failed.get("findings")).anySatisfy(f ->
        assertThat(((Map<?, ?>) f).get("status")).isEqualTo("FAILED"));
  }
}
