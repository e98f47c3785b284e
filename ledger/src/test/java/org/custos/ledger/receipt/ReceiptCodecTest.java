package org.custos.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.Cosignature;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;
import org.custos.ledger.json.Json;
import org.junit.jupiter.api.Test;

class ReceiptCodecTest {
  static final NoteKeyPair LOG = NoteKeyPair.generateLogKey("custos.test/log");
  static final String ORIGIN = "custos.test/log";

  /** A two-entry chain of one patient among other leaves, in a real tree, signed and cosigned. */
  static SignedReceipt receipt() {
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    byte[] salt1 = new byte[32];
    salt1[0] = 1;
    byte[] salt2 = new byte[32];
    salt2[0] = 2;
    Map<String, Object> first = Entries.stored("2026-11-25T20:01:02.123Z", "pk-a", null, "1.2.3.4", 1, "22".repeat(32));
    byte[] firstHash = org.custos.ledger.LogLeaves.entryHash(salt1, CanonicalJson.encode(first));
    Map<String, Object> second = Entries.access("2026-11-25T20:05:00Z", "pk-a", firstHash, "RETRIEVE");
    byte[] secondHash = org.custos.ledger.LogLeaves.entryHash(salt2, CanonicalJson.encode(second));
    tree.append(new byte[32]);
    tree.append(firstHash);
    tree.append(new byte[32]);
    tree.append(secondHash);
    tree.append(new byte[32]);
    Checkpoint cp = new Checkpoint(ORIGIN, 5, tree.root(5), List.of("time 1764100862"));
    NoteKeyPair witness = NoteKeyPair.generateWitnessKey("w.test");
    List<NoteSignature> sigs = List.of(LOG.sign(cp.text()), witness.cosign(cp.text(), 1764100870L));
    String note = new SignedNote(cp.text(), sigs).encode();
    List<ReceiptEntry> entries = List.of(
        new ReceiptEntry(1, salt1, first, tree.inclusionProof(1, 5).path()),
        new ReceiptEntry(3, salt2, second, tree.inclusionProof(3, 5).path()));
    Receipt receipt = new Receipt(ORIGIN, LOG.noteKey(), "pk-a", Instant.parse("2026-11-25T20:06:00Z"), note, entries);
    return ReceiptSignature.sign(receipt, LOG);
  }

  @Test
  void aReceipt_roundTripsThroughJson_andItsSignatureVerifies() {
    SignedReceipt signed = receipt();

    String json = ReceiptCodec.toJson(signed);
    SignedReceipt parsed = ReceiptCodec.parse(json);

    assertThat(parsed).isEqualTo(signed);
    assertThat(ReceiptCodec.toJson(parsed)).isEqualTo(json);
    assertThat(ReceiptSignature.verify(parsed, LOG.noteKey())).isTrue();
    assertThat(ReceiptSignature.verify(parsed, NoteKeyPair.generateLogKey("custos.test/log").noteKey())).isFalse();
    assertThat(parsed.receipt().checkpointBody().size()).isEqualTo(5);
  }

  @Test
  void theEntries_areIncludedAtTheCheckpoint_andChained() {
    Receipt r = receipt().receipt();
    Checkpoint cp = r.checkpointBody();

    for (ReceiptEntry e : r.entries()) {
      assertThat(ProofVerifier.verifyInclusion(e.leafHash(), e.inclusionProof(cp.size()), cp.rootHash())).isTrue();
    }
    assertThat(r.entries().get(1).view().prev()).hasValueSatisfying(p -> assertThat(p).isEqualTo(r.entries().get(0).entryHash()));
    assertThat(Cosignature.verify(NoteKeyPair.generateWitnessKey("w.test").witnessKey(), r.signedCheckpoint())).isEmpty();
  }

  @Test
  void theSignature_coversEveryMember() {
    SignedReceipt signed = receipt();
    String json = ReceiptCodec.toJson(signed);

    for (String[] edit : new String[][] {
        {"\"pk-a\"", "\"pk-b\""}, {"20:06:00Z", "20:06:01Z"}, {"\"index\": 3", "\"index\": 2"},
        {"\"RETRIEVE\"", "\"METADATA\""}, {"\\ntime 1764100862", "\\ntime 1764100863"}}) {
      assertThat(json).contains(edit[0]);
      SignedReceipt tampered = ReceiptCodec.parse(json.replace(edit[0], edit[1]));
      assertThat(ReceiptSignature.verify(tampered, LOG.noteKey())).as(edit[0]).isFalse();
    }
  }

  @Test
  void theSignedMessage_isTheDomainThenTheCanonicalDocumentWithoutSignature() {
    SignedReceipt signed = receipt();
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = new java.util.LinkedHashMap<>((Map<String, Object>) Json.parse(ReceiptCodec.toJson(signed)));
    doc.remove("signature");

    assertThat(new String(ReceiptSignature.signedMessage(signed.receipt()), StandardCharsets.UTF_8))
        .isEqualTo("custos-receipt/1\n" + new String(CanonicalJson.encode(doc), StandardCharsets.UTF_8));
  }

  @Test
  void malformedReceipts_failNamingTheJsonPath() {
    String json = ReceiptCodec.toJson(receipt());
    List<String[]> cases = new ArrayList<>(List.of(
        new String[] {"\"format\": \"custos-receipt/1\"", "\"format\": \"custos-receipt/2\"", "$.format"},
        new String[] {"\"issued\": \"2026-11-25T20:06:00Z\"", "\"issued\": \"2026-11-25T20:06:00.000Z\"", "$.issued"},
        new String[] {"\"issued\": \"2026-11-25T20:06:00Z\"", "\"issued\": \"yesterday\"", "$.issued"},
        new String[] {"\"index\": 3", "\"index\": -3", "$.entries[1].index"},
        new String[] {"\"index\": 3", "\"index\": \"3\"", "$.entries[1].index"},
        new String[] {"\"action\": \"RETRIEVE\"", "\"action\": \"PEEK\"", "$.entries[1].entry.action"},
        new String[] {"\"pixelKind\": \"DECODED\"", "\"pixelKind\": \"RAW\"", "$.entries[0].entry.seals.pixelKind"},
        new String[] {"\"version\": 1", "\"version\": 0", "$.entries[0].entry.version"},
        new String[] {"\"v\": 1", "\"v\": 2", "$.entries[0].entry.v"},
        new String[] {"\"type\": \"access\"", "\"type\": \"acess\"", "$.entries[1].entry.type"},
        new String[] {"\"patient\": \"pk-a\"\n  }", "\"patient\": \"someone\"\n  }", "$.subject.patient"},
        new String[] {"\"format\"", "\"extra\": 1,\n  \"format\"", "$.extra"},
        new String[] {"\"sopClass\"", "\"note\": \"x\",\n        \"sopClass\"", "$.entries[0].entry.note"},
        new String[] {"\"signature\": \"", "\"signature\": \"AAAA", "$.signature"},
        new String[] {"\"checkpoint\": \"custos.test/log\\n5", "\"checkpoint\": \"custos.test/log\\nfive", "$.checkpoint"}));
    for (String[] c : cases) {
      assertThat(json).as(c[0]).contains(c[0]);
      assertThatThrownBy(() -> ReceiptCodec.parse(json.replaceFirst(java.util.regex.Pattern.quote(c[0]),
          java.util.regex.Matcher.quoteReplacement(c[1]))))
          .as(c[1]).isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo(c[2]));
    }
    String salt = json.substring(json.indexOf("\"salt\": \"") + 9, json.indexOf("\"salt\": \"") + 9 + 44);
    assertThatThrownBy(() -> ReceiptCodec.parse(json.replace(salt, salt.substring(0, 40) + "AA==")))
        .isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo("$.entries[0].salt"));
    assertThatThrownBy(() -> ReceiptCodec.parse("{")).isInstanceOfSatisfying(LogFormatException.class,
        e -> assertThat(e.path()).isEqualTo("$"));
  }

  @Test
  void errorMessages_neverQuoteUids() {
    String json = ReceiptCodec.toJson(receipt()).replace("\"sop\": \"1.2.3.4\"", "\"sop\": 1234");

    assertThatThrownBy(() -> ReceiptCodec.parse(json)).hasMessage("$.entries[0].entry.sop: expected a non-empty string");
  }
}
