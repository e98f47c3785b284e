package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.custos.archive.NotFoundException;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.log.TransparencyLog;
import org.custos.archive.verify.VerifyProblem;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.InclusionProof;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 on the real embedded archive: what each change and read writes to the log, receipts
 * that verify with the ledger's own checks, and every tamper case of the issue on the real SQLite
 * file, each caught by verify with a message that says what.
 */
class TransparencyLogTest {
  private static final Access NURSE = new Access("apikey:ward-7", "treatment");

  @TempDir
  Path dir;
  ArchiveFixture fixture;
  TestInstance first;
  TestInstance second;
  IngestReceipt stored;

  @BeforeEach
  void open() {
    fixture = ArchiveFixture.create(dir);
    first = TestInstance.of("LOG-1", "HOSP-A", "Ledger^Lena");
    second = first.sameStudyNewInstance();
    stored = fixture.ingest(first.bytes());
    fixture.ingest(second.bytes());
    fixture.ingest(TestInstance.of("LOG-2", "HOSP-A", "Other^Otto").bytes());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void changesAndReads_appendChainedEntries_thatAReceiptProves() {
    fixture.ingest(first.with(org.custos.dicom.dictionary.Tags.InstanceNumber, org.custos.dicom.Vr.IS, "99").bytes());
    fixture.archive.recordRead(NURSE, ReadAction.RETRIEVE, first.studyInstanceUid());
    fixture.archive.delete(second.sopInstanceUid());

    Map<String, Object> receipt = fixture.archive.receipt(stored.patientId(), Access.commandLine("receipt"));

    List<Map<String, Object>> entries = entries(receipt);
    assertThat(entries).extracting(e -> (Object) ((Map<?, ?>) e.get("entry")).get("type")).containsExactly(
        "instance.stored", "instance.stored", "instance.superseded", "instance.stored", "access", "instance.deleted",
        "access");
    Map<?, ?> access = (Map<?, ?>) entries.get(4).get("entry");
    assertThat(access.get("principal")).isEqualTo("apikey:ward-7");
    assertThat(access.get("purpose")).isEqualTo("treatment");
    assertThat(access.get("study")).isEqualTo(first.studyInstanceUid());
    Map<?, ?> newVersion = (Map<?, ?>) entries.get(3).get("entry");
    assertThat(newVersion.get("version")).isEqualTo(2L);
    assertThat(((Map<?, ?>) newVersion.get("seals")).get("stored")).isNotEqualTo(
        ((Map<?, ?>) ((Map<?, ?>) entries.get(0).get("entry")).get("seals")).get("stored"));

    SignedNote note = SignedNote.parse((String) receipt.get("checkpoint"));
    assertThat(note.verifiedBy(fixture.archive.log().verifierKey())).isTrue();
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    assertThat(checkpoint.origin()).isEqualTo("custos/" + fixture.archive.archiveId());
    assertThat(checkpoint.extensions()).singleElement().asString().startsWith("time ");
    String previous = null;
    for (Map<String, Object> item : entries) {
      byte[] entryHash = LogLeaves.entryHash(Base64.getDecoder().decode((String) item.get("salt")),
          CanonicalJson.encode(item.get("entry")));
      List<byte[]> path = ((List<?>) item.get("proof")).stream().map(h -> Base64.getDecoder().decode((String) h)).toList();
      InclusionProof proof = new InclusionProof((Long) item.get("index"), checkpoint.size(), path);
      assertThat(ProofVerifier.verifyInclusion(LogLeaves.leafHash(entryHash), proof, checkpoint.rootHash())).isTrue();
      assertThat(((Map<?, ?>) item.get("entry")).get("prev")).isEqualTo(previous);
      previous = HexFormat.of().formatHex(entryHash);
    }
    assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
  }

  @Test
  void receiptSignature_coversEveryByteOfTheReceipt() throws Exception {
    Map<String, Object> receipt = fixture.archive.receipt(stored.patientId(), Access.commandLine("receipt"));
    byte[] signature = Base64.getDecoder().decode((String) receipt.get("signature"));
    java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
    jdk.initVerify(ed25519(fixture.archive.log().verifierKey().publicKey()));
    jdk.update(TransparencyLog.receiptMessage(receipt));
    assertThat(jdk.verify(signature)).isTrue();
    receipt.put("issued", "2020-01-01T00:00:00Z");
    jdk.initVerify(ed25519(fixture.archive.log().verifierKey().publicKey()));
    jdk.update(TransparencyLog.receiptMessage(receipt));
    assertThat(jdk.verify(signature)).isFalse();
  }

  @Test
  void successors_giveWhatFollowedAnEntry_andShreddedEntriesAsHashesOnly() {
    Map<String, Object> receipt = fixture.archive.receipt(stored.patientId(), Access.commandLine("receipt"));
    Map<String, Object> last = entries(receipt).get(entries(receipt).size() - 1);
    byte[] lastHash = LogLeaves.entryHash(Base64.getDecoder().decode((String) last.get("salt")),
        CanonicalJson.encode(last.get("entry")));
    fixture.archive.recordRead(NURSE, ReadAction.METADATA, first.studyInstanceUid());
    fixture.archive.shred(stored.patientId());
    long size = fixture.archive.log().size();

    Map<String, Object> answer = fixture.archive.log().successors(lastHash, size);
    List<?> after = (List<?>) answer.get("entries");
    List<?> withheld = (List<?>) answer.get("withheld");

    assertThat(withheld).hasSize(1);
    Map<?, ?> sealed = (Map<?, ?>) withheld.get(0);
    assertThat(sealed.containsKey("entryHash")).isTrue();
    assertThat(sealed.containsKey("salt") || sealed.containsKey("entry")).isFalse();
    assertThat(after).hasSize(1);
    Map<?, ?> shred = (Map<?, ?>) ((Map<?, ?>) after.get(0)).get("entry");
    assertThat(shred.get("type")).isEqualTo("patient.shredded");
    assertThat(shred.get("prev")).isEqualTo(HexFormat.of().formatHex(
        Base64.getDecoder().decode((String) sealed.get("entryHash"))));
    assertThat(org.custos.ledger.receipt.SuccessorsAnswer.parse(org.custos.ledger.json.Json.write(answer, false))
        .withheld()).singleElement().satisfies(w -> assertThat(w.index()).isEqualTo(((Long) sealed.get("index"))));
    assertThatThrownBy(() -> fixture.archive.log().successors(new byte[32], size)).isInstanceOf(NotFoundException.class);
    assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
  }

  @Test
  void readsOfUnknownStudies_areRefused_andLogNothing() {
    long size = fixture.archive.log().size();
    assertThatThrownBy(() -> fixture.archive.recordRead(NURSE, ReadAction.RETRIEVE, "1.2.3.4"))
        .isInstanceOf(NotFoundException.class);
    assertThat(fixture.archive.log().size()).isEqualTo(size);
  }

  // Tamper cases (issue 4, section 4). Blob edits and swapped blobs: LifecycleTest.

  @Test
  void deletedIndexRows_areCaughtByTheLog() throws Exception {
    fixture.tamper("DELETE FROM blind_tokens WHERE owner_id = '" + stored.instanceId() + "'",
        "DELETE FROM instances WHERE instance_id = '" + stored.instanceId() + "'");

    assertThat(problems()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.INDEX_LOG_MISMATCH);
      assertThat(p.detail()).contains("has no index rows").contains("no instance.deleted entry");
    });
  }

  @Test
  void aRewrittenLeaf_isCaught() throws Exception {
    fixture.archive.log().checkpoint();
    fixture.tamper("UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 1");

    // The entries are intact, so the root recomputed from them still matches the signed checkpoint:
    // the damage is exactly the stored leaf hash, from which proofs would be served.
    assertThat(problems()).extracting(VerifyProblem::detail)
        .containsExactly("leaf 1 differs from the hash of the entries it covers");
  }

  @Test
  void aRewrittenSubtreeHash_isCaught() throws Exception {
    fixture.tamper("UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 0");

    assertThat(problems()).extracting(VerifyProblem::detail)
        .contains("subtree hash (1, 0) differs from the hash of the entries it covers");
  }

  @Test
  void aRewrittenEntry_isCaught() throws Exception {
    fixture.tamper("UPDATE log_entries SET entry_sealed = (SELECT entry_sealed FROM log_entries WHERE leaf_index = 0)"
        + " WHERE leaf_index = 1");

    assertThat(problems()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.LOG_ENTRY_INVALID);
      assertThat(p.detail()).startsWith("log entry 1 does not open");
    });
  }

  @Test
  void aTruncatedLog_isCaughtByItsSignedCheckpoint() throws Exception {
    fixture.archive.log().checkpoint();
    fixture.tamper("DELETE FROM log_entries WHERE leaf_index >= 2", "DELETE FROM log_nodes WHERE (idx + 1) << level > 2",
        "UPDATE log_state SET size = 2");

    assertThat(problems()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH);
      assertThat(p.detail()).isEqualTo("the log has 2 leaves but the log key signed a checkpoint of 3: it was truncated");
    });
  }

  @Test
  void aCheckpointSignedWithAnotherKey_isCaught() throws Exception {
    String genuine = fixture.archive.log().checkpoint().encode();
    SignedNote real = SignedNote.parse(genuine);
    NoteKeyPair forger = NoteKeyPair.generateLogKey(fixture.archive.log().origin());
    String forged = new SignedNote(real.text(), List.of(forger.sign(real.text()))).encode();
    fixture.tamper("UPDATE log_checkpoints SET signed_note = '" + forged + "'");

    assertThat(problems()).extracting(VerifyProblem::detail)
        .contains("the stored checkpoint of size 3 is not signed by this log's key");
    assertThat(fixture.archive.verifyExtends(forged)).extracting(VerifyProblem::detail)
        .containsExactly("the checkpoint is not signed by this log's key");
  }

  @Test
  void aDatabaseRolledBackToAnEarlierCopy_isCaughtByALaterCheckpoint() throws Exception {
    fixture.archive.close();
    Path copy = dir.resolve("index-copy.db");
    Files.copy(fixture.indexFile(), copy);
    fixture.reopen();
    fixture.ingest(TestInstance.of("LOG-3", "HOSP-B", "Later^Lars").bytes());
    String later = fixture.archive.log().checkpoint().encode();
    fixture.archive.close();
    Files.copy(copy, fixture.indexFile(), StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(Path.of(fixture.indexFile() + "-wal"));
    fixture.reopen();

    assertThat(fixture.archive.verifyExtends(later)).extracting(VerifyProblem::detail)
        .containsExactly("the log has 3 leaves, fewer than the 4 of the given checkpoint: it was rolled back or truncated");

    fixture.ingest(TestInstance.of("LOG-4", "HOSP-B", "Forked^Frida").bytes());
    assertThat(fixture.archive.verifyExtends(later)).extracting(VerifyProblem::detail)
        .containsExactly("the log's root at size 4 differs from the given checkpoint's: the log forked");
  }

  @Test
  void aCheckpointOfAnotherLog_isRefused() throws Exception {
    Path otherDir = Files.createDirectory(dir.resolve("other"));
    try (ArchiveFixture other = ArchiveFixture.create(otherDir)) {
      other.ingest(TestInstance.of("X-1", "HOSP-X", "Else^Where").bytes());
      String foreign = other.archive.log().checkpoint().encode();
      assertThat(fixture.archive.verifyExtends(foreign)).singleElement().satisfies(p ->
          assertThat(p.detail()).startsWith("the checkpoint is of log 'custos/" + other.archive.archiveId() + "'"));
    }
  }

  @Test
  void theUntamperedArchive_verifiesClean_andExtendsItsOwnCheckpoints() {
    String earlier = fixture.archive.log().checkpoint().encode();
    fixture.ingest(TestInstance.of("LOG-5", "HOSP-A", "Clean^Carl").bytes());
    assertThat(fixture.archive.verifyExtends(earlier)).isEmpty();
    assertThat(fixture.archive.verify(b -> { }).problems()).isEmpty();
  }

  private List<VerifyProblem> problems() {
    List<VerifyProblem> problems = new ArrayList<>(fixture.archive.verify(b -> { }).problems());
    assertThat(problems).as("verify must find the tampering").isNotEmpty();
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Map<String, Object> receipt) {
    return (List<Map<String, Object>>) receipt.get("entries");
  }

  private static java.security.PublicKey ed25519(byte[] raw) throws Exception {
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] encoded = new byte[prefix.length + raw.length];
    System.arraycopy(prefix, 0, encoded, 0, prefix.length);
    System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
    return java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(encoded));
  }
}
