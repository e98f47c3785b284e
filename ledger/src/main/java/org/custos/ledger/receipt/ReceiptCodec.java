package org.custos.ledger.receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.NoteKey;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;
import org.custos.ledger.json.Json;

/**
 * JSON of {@code custos-receipt/1} (docs/formats/receipt.md). Parsing is strict: every member
 * present with its type, no unknown members anywhere outside reserved entry types, base64 in its
 * padded form, {@code issued} as {@link Instant#toString()} writes it; errors are
 * {@link LogFormatException}s naming the JSON path. Hence parse then {@link #document} reproduces
 * the signed bytes exactly. Stateless.
 */
public final class ReceiptCodec {
  public static final String FORMAT = "custos-receipt/1";
  private static final Set<String> TOP = Set.of("format", "log", "subject", "issued", "checkpoint", "entries", "signature");

  private ReceiptCodec() {}

  /** The receipt document without {@code signature}, in the documented member order. */
  public static Map<String, Object> document(Receipt receipt) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("origin", receipt.logOrigin());
    log.put("key", receipt.logKey().verifierKey());
    doc.put("log", log);
    doc.put("subject", Map.of("patient", receipt.patient()));
    doc.put("issued", receipt.issued().toString());
    doc.put("checkpoint", receipt.checkpoint());
    doc.put("entries", receipt.entries().stream().map(ReceiptCodec::entryToJson).toList());
    return doc;
  }

  public static String toJson(SignedReceipt signed) {
    Map<String, Object> doc = document(signed.receipt());
    doc.put("signature", Base64.getEncoder().encodeToString(signed.signature()));
    return Json.write(doc, true) + "\n";
  }

  public static SignedReceipt parse(String json) {
    Object parsed = Members.parseJson(json, "$");
    Members doc = Members.of(parsed, "$").only(TOP);
    if (!doc.string("format").equals(FORMAT)) {
      throw new LogFormatException("$.format", "expected " + FORMAT);
    }
    Members log = doc.object("log").only(Set.of("origin", "key"));
    String origin = log.string("origin");
    if (origin.contains("\n")) {
      throw new LogFormatException("$.log.origin", "expected one line");
    }
    NoteKey key;
    try {
      key = NoteKey.parse(log.string("key"));
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("$.log.key", "not an Ed25519 note verifier key: " + e.getMessage(), e);
    }
    String patient = doc.object("subject").only(Set.of("patient")).string("patient");
    if (!patient.startsWith("pk-") || patient.length() == 3) {
      throw new LogFormatException("$.subject.patient", "expected a patient pseudonym pk-…");
    }
    String checkpoint = doc.string("checkpoint");
    try {
      Checkpoint.parse(SignedNote.parse(checkpoint).text());
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("$.checkpoint", "not a signed checkpoint note: " + e.getMessage(), e);
    }
    String issuedText = doc.string("issued");
    Instant issued = Members.time(issuedText, "$.issued");
    if (!issued.toString().equals(issuedText)) {
      throw new LogFormatException("$.issued", "not in canonical form (" + issued + ")");
    }
    List<?> items = doc.array("entries");
    List<ReceiptEntry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(entryFromJson(items.get(i), "$.entries[" + i + "]"));
    }
    byte[] signature = doc.base64("signature", 64);
    Receipt receipt = new Receipt(origin, key, patient, issued, checkpoint, entries);
    Map<?, ?> unsigned = new LinkedHashMap<>(doc.map());
    unsigned.remove("signature");
    if (!Arrays.equals(CanonicalJson.encode(unsigned), CanonicalJson.encode(document(receipt)))) {
      throw new LogFormatException("$", "the document does not re-encode to its own signed form");
    }
    return new SignedReceipt(receipt, signature);
  }

  /** {@code {"index", "salt", "entry", "proof"}}, as receipts and the log's successors answer carry entries. */
  public static Map<String, Object> entryToJson(ReceiptEntry entry) {
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", entry.index());
    out.put("salt", b64.encodeToString(entry.salt()));
    out.put("entry", entry.entry());
    out.put("proof", entry.proof().stream().map(b64::encodeToString).toList());
    return out;
  }

  public static ReceiptEntry entryFromJson(Object value, String path) {
    Members item = Members.of(value, path).only(Set.of("index", "salt", "entry", "proof"));
    long index = item.nonNegative("index");
    byte[] salt = item.base64("salt", LogLeaves.SALT_SIZE);
    LogEntryView view = LogEntryView.of(item.value("entry"), item.path("entry"));
    List<?> proofItems = item.array("proof");
    List<byte[]> proof = new ArrayList<>();
    for (int j = 0; j < proofItems.size(); j++) {
      proof.add(Members.base64(proofItems.get(j), item.path("proof") + "[" + j + "]", MerkleHashes.SIZE));
    }
    return new ReceiptEntry(index, salt, view.entry(), proof);
  }
}
