package org.custos.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.Receipt;
import org.custos.ledger.receipt.ReceiptCodec;
import org.custos.ledger.receipt.ReceiptEntry;
import org.custos.ledger.receipt.ReceiptSignature;
import org.custos.ledger.receipt.SignedReceipt;
import org.custos.ledger.receipt.SuccessorsAnswer;

/**
 * A real log for tests: a {@link MerkleTree} of salted entry hashes, per-patient chains through
 * {@code prev}, checkpoints signed by a real Ed25519 log key and cosigned by real witness keys,
 * receipts and log answers built with the ledger's own codecs. Synthetic UIDs only. Not thread-safe.
 */
final class FakeLog {
  static final long START = 1_764_100_000L;

  final String origin;
  final NoteKeyPair key;
  final List<NoteKeyPair> witnesses = new ArrayList<>();
  private final MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
  private final List<Leaf> leaves = new ArrayList<>();
  private final Map<String, byte[]> lastHash = new HashMap<>();
  private long clock = START;

  record Leaf(long index, byte[] salt, Map<String, Object> entry, byte[] entryHash) {
    String patient() {
      return (String) entry.getOrDefault("patient", "");
    }

    ReceiptEntry withProof(List<byte[]> proof) {
      return new ReceiptEntry(index, salt, entry, proof);
    }
  }

  FakeLog(String origin, NoteKeyPair key, int witnessCount) {
    this.origin = origin;
    this.key = key;
    for (int i = 1; i <= witnessCount; i++) {
      witnesses.add(NoteKeyPair.generateWitnessKey("witness.test/w" + i));
    }
  }

  FakeLog(String origin, int witnessCount) {
    this(origin, NoteKeyPair.generateLogKey(origin), witnessCount);
  }

  /** A log with the same key, witnesses and clock, holding a copy of this one's first {@code size} leaves. */
  FakeLog copy(long size) {
    FakeLog copy = new FakeLog(origin, key, 0);
    copy.witnesses.addAll(witnesses);
    for (Leaf leaf : leaves.subList(0, (int) size)) {
      copy.appendLeaf(leaf.salt, leaf.entry);
    }
    copy.clock = clock;
    return copy;
  }

  long size() {
    return tree.size();
  }

  String now() {
    return Instant.ofEpochSecond(clock).plusMillis(123).toString();
  }

  /** Appends an entry, chaining it to its patient's previous entry; returns the leaf index. */
  long append(Map<String, Object> entry) {
    clock += 60;
    Map<String, Object> e = new LinkedHashMap<>(entry);
    Object patient = e.get("patient");
    if (patient != null && lastHash.containsKey(patient)) {
      e.put("prev", HexFormat.of().formatHex(lastHash.get(patient)));
    }
    byte[] salt = sha256(origin + " salt " + tree.size() + " " + clock);
    return appendLeaf(salt, e);
  }

  private long appendLeaf(byte[] salt, Map<String, Object> entry) {
    byte[] hash = LogLeaves.entryHash(salt, CanonicalJson.encode(entry));
    long index = tree.append(hash);
    leaves.add(new Leaf(index, salt, entry, hash));
    if (entry.get("patient") instanceof String patient) {
      lastHash.put(patient, hash);
    }
    return index;
  }

  private Map<String, Object> base(String type, String patient) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("v", 1L);
    e.put("type", type);
    e.put("time", Instant.ofEpochSecond(clock + 60).plusMillis(123).toString());
    if (patient != null) {
      e.put("patient", patient);
    }
    return e;
  }

  long stored(String patient, String sop, long version, String pixelSeal) {
    Map<String, Object> e = base("instance.stored", patient);
    e.put("study", "2.25.1001");
    e.put("series", "2.25.1001.1");
    e.put("sop", sop);
    e.put("sopClass", "1.2.840.10008.5.1.4.1.1.2");
    e.put("version", version);
    Map<String, Object> seals = new LinkedHashMap<>();
    seals.put("stored", HexFormat.of().formatHex(sha256("stored " + sop + " " + version)));
    seals.put("pixel", pixelSeal);
    seals.put("pixelKind", "DECODED");
    seals.put("identity", HexFormat.of().formatHex(sha256("identity " + sop)));
    e.put("seals", seals);
    e.put("source", "import");
    e.put("attestation", "none");
    return append(e);
  }

  long superseded(String patient, String sop, long version, long by) {
    Map<String, Object> e = base("instance.superseded", patient);
    e.put("sop", sop);
    e.put("version", version);
    e.put("by", by);
    return append(e);
  }

  long deleted(String patient, String sop, long versions) {
    Map<String, Object> e = base("instance.deleted", patient);
    e.put("sop", sop);
    e.put("versions", versions);
    return append(e);
  }

  long shredded(String patient) {
    return append(base("patient.shredded", patient));
  }

  long access(String patient, String action) {
    Map<String, Object> e = base("access", patient);
    e.put("principal", "api:viewer-7");
    e.put("purpose", "treatment");
    e.put("action", action);
    e.put("study", "2.25.1001");
    return append(e);
  }

  long keyRotated() {
    Map<String, Object> e = base("key.rotated", null);
    e.put("from", "root-1");
    e.put("to", "root-2");
    return append(e);
  }

  static String pixel(String label) {
    return HexFormat.of().formatHex(sha256("pixel " + label));
  }

  Leaf leaf(long index) {
    return leaves.get((int) index);
  }

  Checkpoint checkpointBody(long size) {
    return new Checkpoint(origin, size, tree.root(size), List.of("time " + (START + size * 60 + 30)));
  }

  /** The checkpoint of {@code size} leaves, signed by the log key and cosigned by every witness. */
  String checkpoint(long size) {
    return checkpoint(size, key, witnesses);
  }

  String checkpoint(long size, NoteKeyPair signer, List<NoteKeyPair> cosigners) {
    Checkpoint body = checkpointBody(size);
    List<NoteSignature> signatures = new ArrayList<>(List.of(signer.sign(body.text())));
    for (NoteKeyPair w : cosigners) {
      signatures.add(w.cosign(body.text(), START + size * 60 + 40));
    }
    return new SignedNote(body.text(), signatures).encode();
  }

  List<ReceiptEntry> entriesOf(String patient, long size) {
    return leaves.stream().filter(l -> l.index() < size && l.patient().equals(patient))
        .map(l -> l.withProof(tree.inclusionProof(l.index(), size).path())).toList();
  }

  Receipt receipt(String patient, long size, String checkpoint, List<ReceiptEntry> entries) {
    return new Receipt(origin, key.noteKey(), patient, Instant.ofEpochSecond(START + size * 60 + 50), checkpoint, entries);
  }

  SignedReceipt receipt(String patient, long size) {
    return ReceiptSignature.sign(receipt(patient, size, checkpoint(size), entriesOf(patient, size)), key);
  }

  String receiptJson(String patient, long size) {
    return ReceiptCodec.toJson(receipt(patient, size));
  }

  /** A receipt with other entries or checkpoint, signed by the log key as a lying log would. */
  String signed(Receipt receipt) {
    return ReceiptCodec.toJson(ReceiptSignature.sign(receipt, key));
  }

  String consistencyJson(long from, long to) {
    return new ConsistencyAnswer(tree.consistencyProof(from, to)).toJson();
  }

  /** The entries of the same patient after the one with {@code entryHash}, with proofs at {@code size}. */
  String successorsJson(byte[] entryHash, long size) {
    return new SuccessorsAnswer(size, successors(entryHash, size)).toJson();
  }

  List<ReceiptEntry> successors(byte[] entryHash, long size) {
    Leaf from = leaves.stream().filter(l -> Arrays.equals(l.entryHash(), entryHash)).findFirst().orElseThrow();
    return entriesOf(from.patient(), size).stream().filter(e -> e.index() > from.index()).toList();
  }

  static byte[] sha256(String label) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
