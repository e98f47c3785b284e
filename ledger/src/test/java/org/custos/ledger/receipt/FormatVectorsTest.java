package org.custos.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.Cosignature;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/formats/log-entry.md and receipt.md, computed here from fixed keys
 * and salts and checked against the documents block by block ({@code <!-- vector:NAME -->} then a
 * fenced block). Ed25519 is deterministic, so every byte is reproducible. After a deliberate format
 * change, regenerate with {@code -Dcustos.updateVectors=true}.
 */
class FormatVectorsTest {
  static final Path FORMATS = Path.of("..", "docs", "formats");
  static final Pattern BLOCK = Pattern.compile("<!-- vector:([a-z0-9-]+) -->\n```[a-z]*\n(.*?)```\n", Pattern.DOTALL);

  static byte[] sha256(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PKCS#8 of an Ed25519 seed (RFC 8410). */
  static byte[] pkcs8(byte[] seed) {
    byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
    byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + 32);
    System.arraycopy(seed, 0, out, prefix.length, 32);
    return out;
  }

  static Map<String, String> vectors() {
    HexFormat hex = HexFormat.of();
    NoteKeyPair log = NoteKeyPair.logKey("custos.example/log", pkcs8(sha256("custos example log key")));
    NoteKeyPair witness = NoteKeyPair.witnessKey("witness.example/w1", pkcs8(sha256("custos example witness key")));
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    Map<String, String> v = new LinkedHashMap<>();

    Map<String, Object> rotated = new LinkedHashMap<>();
    rotated.put("v", 1L);
    rotated.put("type", "key.rotated");
    rotated.put("time", "2026-11-25T19:00:00Z");
    rotated.put("from", "root-1");
    rotated.put("to", "root-2");
    byte[] salt0 = sha256("salt 0");
    tree.append(LogLeaves.entryHash(salt0, CanonicalJson.encode(rotated)));

    byte[] salt1 = sha256("salt 1");
    Map<String, Object> stored = Entries.stored("2026-11-25T20:01:02.123Z", "pk-example", null,
        "1.2.826.0.1.3680043.10.1137.1.1.1", 1, "22".repeat(32));
    byte[] canonical1 = CanonicalJson.encode(stored);
    byte[] hash1 = LogLeaves.entryHash(salt1, canonical1);
    tree.append(hash1);
    v.put("entry-1-canonical", new String(canonical1, StandardCharsets.UTF_8));
    v.put("entry-1-salt", hex.formatHex(salt1));
    v.put("entry-1-hash", hex.formatHex(hash1));
    v.put("entry-1-leaf", hex.formatHex(LogLeaves.leafHash(hash1)));

    Map<String, Object> other = Entries.access("2026-11-25T20:03:00Z", "pk-someone-else", null, "SEARCH");
    tree.append(LogLeaves.entryHash(sha256("salt 2"), CanonicalJson.encode(other)));

    byte[] salt3 = sha256("salt 3");
    Map<String, Object> access = Entries.access("2026-11-25T20:05:00.5Z", "pk-example", hash1, "RETRIEVE");
    byte[] canonical3 = CanonicalJson.encode(access);
    byte[] hash3 = LogLeaves.entryHash(salt3, canonical3);
    tree.append(hash3);
    v.put("entry-3-canonical", new String(canonical3, StandardCharsets.UTF_8));
    v.put("entry-3-hash", hex.formatHex(hash3));

    Checkpoint checkpoint = new Checkpoint("custos.example/log", tree.size(), tree.root(tree.size()), List.of("time 1795637130"));
    String note = new SignedNote(checkpoint.text(),
        List.of(log.sign(checkpoint.text()), witness.cosign(checkpoint.text(), 1795637138L))).encode();
    v.put("keys", "log key:     " + log.verifierKey() + "\nwitness key: " + witness.verifierKey() + "\n");
    v.put("checkpoint", note);

    Receipt receipt = new Receipt("custos.example/log", log.noteKey(), "pk-example", Instant.parse("2026-11-25T20:06:00Z"),
        note, List.of(new ReceiptEntry(1, salt1, stored, tree.inclusionProof(1, 4).path()),
            new ReceiptEntry(3, salt3, access, tree.inclusionProof(3, 4).path())));
    SignedReceipt signed = ReceiptSignature.sign(receipt, log);
    v.put("receipt", ReceiptCodec.toJson(signed));
    v.put("receipt-signed-message-sha256", hex.formatHex(sha256Bytes(ReceiptSignature.signedMessage(receipt))));

    // The vectors verify, as a reader of the documents would check them.
    assertThat(ReceiptSignature.verify(ReceiptCodec.parse(v.get("receipt")), log.noteKey())).isTrue();
    assertThat(SignedNote.parse(note).verifiedBy(log.noteKey())).isTrue();
    assertThat(Cosignature.verify(witness.witnessKey(), SignedNote.parse(note))).hasValue(1795637138L);
    for (ReceiptEntry e : receipt.entries()) {
      assertThat(ProofVerifier.verifyInclusion(e.leafHash(), e.inclusionProof(4), checkpoint.rootHash())).isTrue();
    }
    v.replaceAll((name, text) -> text.endsWith("\n") ? text : text + "\n");
    return v;
  }

  private static byte[] sha256Bytes(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theLogEntryDocument_holdsTheComputedVectors() throws IOException {
    checkDocument(FORMATS.resolve("log-entry.md"), 6);
  }

  @Test
  void theReceiptDocument_holdsTheComputedVectors() throws IOException {
    checkDocument(FORMATS.resolve("receipt.md"), 4);
  }

  private static void checkDocument(Path file, int expectedBlocks) throws IOException {
    Map<String, String> vectors = vectors();
    String text = Files.readString(file);
    Matcher m = BLOCK.matcher(text);
    StringBuilder updated = new StringBuilder();
    int blocks = 0;
    boolean update = Boolean.getBoolean("custos.updateVectors");
    while (m.find()) {
      blocks++;
      String expected = vectors.get(m.group(1));
      assertThat(expected).as("vector %s named in %s", m.group(1), file).isNotNull();
      if (!update) {
        assertThat(m.group(2)).as("vector %s in %s (regenerate with -Dcustos.updateVectors=true)", m.group(1), file)
            .isEqualTo(expected);
      }
      m.appendReplacement(updated, Matcher.quoteReplacement(
          "<!-- vector:" + m.group(1) + " -->\n```" + (expected.startsWith("{") ? "json" : "") + "\n" + expected + "```\n"));
    }
    m.appendTail(updated);
    assertThat(blocks).as("vector blocks in %s", file).isEqualTo(expectedBlocks);
    if (update) {
      Files.writeString(file, updated.toString());
    }
  }
}
