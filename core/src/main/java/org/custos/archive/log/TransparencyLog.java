package org.custos.archive.log;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.index.CheckpointRow;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.LogEntryRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.keys.ArchiveKeys;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.InclusionProof;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.NoteKey;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.SignedNote;
import org.custos.ledger.json.CanonicalJson;

/**
 * The archive's transparency log, read side and signatures: signed checkpoints (C2SP
 * tlog-checkpoint with a {@code time <unix seconds>} extension line, signed with the log's Ed25519
 * key as a C2SP signed note), inclusion and consistency proofs (RFC 9162), the successors of an
 * entry in its owner's chain, and patient receipts (docs/formats/receipt.md). Entries are written
 * by {@link LogAppender} inside the transactions of the changes they record. Thread-safe.
 */
public final class TransparencyLog {
  public static final String RECEIPT_FORMAT = "custos-receipt/1";
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final ArchiveIndex index;
  private final ArchiveKeys keys;
  private final Clock clock;
  private final String origin;
  private final NoteKey noteKey;
  private final LogAppender appender;
  private final LogEntryOpener opener;
  private final WitnessCosignatures witnesses;

  public TransparencyLog(ArchiveIndex index, ArchiveKeys keys, Clock clock, String archiveId, LogSettings settings) {
    this.index = index;
    this.keys = keys;
    this.clock = clock;
    this.origin = settings.origin().orElse("custos/" + archiveId);
    this.noteKey = new NoteKey(origin, keys.log().publicKey());
    this.appender = new LogAppender(keys.log());
    this.opener = new LogEntryOpener(keys);
    this.witnesses = new WitnessCosignatures(settings.witnessKeys());
  }

  public String origin() {
    return origin;
  }

  /** The log's verifier key (C2SP vkey), to give to witnesses and verifiers. */
  public NoteKey verifierKey() {
    return noteKey;
  }

  public LogAppender appender() {
    return appender;
  }

  public LogEntryOpener opener() {
    return opener;
  }

  /** The number of leaves now. */
  public long size() {
    return index.read(session -> session.logTree().size());
  }

  /**
   * A signed checkpoint of the current tree (the stored one when nothing was appended since,
   * else a new one, signed and stored), with the witness cosignatures it has.
   */
  public SignedNote checkpoint() {
    CheckpointRow row = index.write(session -> {
      long size = session.logTree().size();
      Optional<CheckpointRow> latest = session.latestCheckpoint();
      if (latest.isPresent() && latest.get().size() == size) {
        return latest.get();
      }
      Instant now = clock.instant();
      byte[] root = new MerkleTree(session.logTree()).root(size);
      Checkpoint checkpoint = new Checkpoint(origin, size, root, List.of("time " + now.getEpochSecond()));
      byte[] text = checkpoint.text().getBytes(StandardCharsets.UTF_8);
      NoteSignature signature = new NoteSignature(origin, noteKey.keyId(), keys.log().sign(text));
      CheckpointRow created = new CheckpointRow(size, new SignedNote(checkpoint.text(), List.of(signature)).encode(), now);
      session.insertCheckpoint(created);
      return created;
    });
    return withCosignatures(row);
  }

  /** The stored checkpoint of exactly {@code size} leaves, with its cosignatures. */
  public Optional<SignedNote> checkpoint(long size) {
    return index.read(session -> session.checkpoint(size)).map(this::withCosignatures);
  }


  public ConsistencyProof consistency(long firstSize, long secondSize) {
    requireSizes(firstSize, secondSize);
    return index.read(session -> new MerkleTree(session.logTree()).consistencyProof(firstSize, secondSize));
  }

  /** @throws NotFoundException if no leaf has this hash within {@code size} */
  public InclusionProof inclusion(byte[] leafHash, long size) {
    return index.read(session -> {
      long leafIndex = session.leafIndexOf(leafHash).filter(i -> i < size)
          .orElseThrow(() -> new NotFoundException("no leaf with this hash within the first " + size + " leaves"));
      requireSize(session, size);
      return new MerkleTree(session.logTree()).inclusionProof(leafIndex, size);
    });
  }

  /**
   * The entries that followed the entry with this (private) entry hash in its owner's chain, up to
   * {@code size}, each with its inclusion proof at {@code size}; the JSON body of the
   * {@code successors} query (docs/formats/receipt.md). Knowing an entry hash is the capability:
   * only holders of the entry (its salt) can compute it. Entries of shredded patients are listed
   * under {@code withheld}, as their entry hash only.
   */
  public Map<String, Object> successors(byte[] entryHash, long size) {
    return index.read(session -> {
      requireSize(session, size);
      LogEntryRow first = session.logEntryByHash(entryHash).filter(row -> row.leafIndex() < size)
          .orElseThrow(() -> new NotFoundException("no log entry with this entry hash within the first " + size + " leaves"));
      List<Object> entries = new ArrayList<>();
      List<Object> withheld = new ArrayList<>();
      if (first.ownerId().isPresent()) {
        String owner = first.ownerId().get();
        Optional<PatientRow> patient = session.patient(owner);
        MerkleTree tree = new MerkleTree(session.logTree());
        for (LogEntryRow row : session.logEntriesOf(owner, first.leafIndex() + 1, size)) {
          OpenedEntry opened = opener.open(row, patient);
          (opened.content().isPresent() ? entries : withheld).add(receiptEntry(opened, tree, size));
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("size", size);
      body.put("entries", entries);
      if (!withheld.isEmpty()) {
        body.put("withheld", withheld);
      }
      return body;
    });
  }

  /**
   * A receipt for a patient: every entry of the patient's chain up to a signed checkpoint (the
   * newest witnessed one when only accesses followed it, else a fresh one), with salts and
   * inclusion proofs, signed by the log key. The caller records the access (a RECEIPT read) first;
   * it is in the receipt, or, with a witnessed checkpoint, among the accesses that follow it.
   */
  public Map<String, Object> receipt(String patientId) {
    SignedNote fresh = checkpoint();
    Map<String, Object> receipt = index.read(session -> {
      PatientRow patient = session.patient(patientId).filter(p -> p.shredded().isEmpty())
          .orElseThrow(() -> new NotFoundException("no live patient " + patientId));
      SignedNote checkpoint = witnessedCheckpoint(session, patientId, patient).orElse(fresh);
      long size = Checkpoint.parse(checkpoint.text()).size();
      MerkleTree tree = new MerkleTree(session.logTree());
      List<Object> entries = new ArrayList<>();
      for (LogEntryRow row : session.logEntriesOf(patientId, 0, size)) {
        entries.add(receiptEntry(opener.open(row, Optional.of(patient)), tree, size));
      }
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("format", RECEIPT_FORMAT);
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("origin", origin);
      log.put("key", noteKey.verifierKey());
      document.put("log", log);
      document.put("subject", Map.of("patient", patientId));
      document.put("issued", clock.instant().toString());
      document.put("checkpoint", checkpoint.encode());
      document.put("entries", entries);
      return document;
    });
    receipt.put("signature", B64.encodeToString(keys.log().sign(receiptMessage(receipt))));
    return receipt;
  }

  /**
   * The newest witnessed checkpoint, when every entry of the patient after it is an access (the
   * receipt's own among them): those then show up as "new access since" when the receipt is checked
   * against the log, and the receipt carries the witnesses' cosignatures. Any later change to the
   * patient's images needs the fresh checkpoint instead.
   */
  private Optional<SignedNote> witnessedCheckpoint(IndexSession session, String patientId, PatientRow patient) {
    Optional<CheckpointRow> witnessed = session.latestCosignedCheckpoint();
    if (witnessed.isEmpty()) {
      return Optional.empty();
    }
    for (LogEntryRow row : session.logEntriesOf(patientId, witnessed.get().size(), Long.MAX_VALUE)) {
      if (!LogEntries.ACCESS.equals(opener.open(row, Optional.of(patient)).type())) {
        return Optional.empty();
      }
    }
    return Optional.of(withCosignatures(session, witnessed.get()));
  }

  /** What the receipt signature covers: "custos-receipt/1\n" ‖ RFC 8785 form of the receipt without its signature. */
  public static byte[] receiptMessage(Map<String, Object> receiptWithoutSignature) {
    Map<String, Object> copy = new LinkedHashMap<>(receiptWithoutSignature);
    copy.remove("signature");
    byte[] prefix = (RECEIPT_FORMAT + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = CanonicalJson.encode(copy);
    byte[] message = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, message, 0, prefix.length);
    System.arraycopy(body, 0, message, prefix.length, body.length);
    return message;
  }

  /**
   * Accepts a witness cosignature: {@code note} is a stored checkpoint's text with the witness's
   * cosignature line among its signatures. Returns the witness name.
   *
   * @throws WitnessRejectedException naming why (unknown witness, no such checkpoint, bad signature)
   */
  public String addCosignature(String note) {
    SignedNote parsed = SignedNote.parse(note);
    Checkpoint checkpoint = Checkpoint.parse(parsed.text());
    CheckpointRow stored = index.read(session -> session.checkpoint(checkpoint.size()))
        .orElseThrow(() -> new WitnessRejectedException("no checkpoint of size " + checkpoint.size() + " was signed by this log"));
    if (!SignedNote.parse(stored.signedNote()).text().equals(parsed.text())) {
      throw new WitnessRejectedException("the cosigned checkpoint of size " + checkpoint.size()
          + " is not the one this log signed");
    }
    WitnessCosignatures.Accepted accepted = witnesses.accept(parsed);
    index.write(session -> {
      session.putCosignature(checkpoint.size(), accepted.witnessName(), accepted.signatureLine(), clock.instant());
      return null;
    });
    return accepted.witnessName();
  }

  private SignedNote withCosignatures(CheckpointRow row) {
    return index.read(session -> withCosignatures(session, row));
  }

  private static SignedNote withCosignatures(IndexSession session, CheckpointRow row) {
    SignedNote signed = SignedNote.parse(row.signedNote());
    List<String> lines = session.cosignatures(row.size());
    if (lines.isEmpty()) {
      return signed;
    }
    StringBuilder note = new StringBuilder(signed.encode());
    lines.forEach(line -> note.append(line).append('\n'));
    return SignedNote.parse(note.toString());
  }

  static Map<String, Object> receiptEntry(OpenedEntry opened, MerkleTree tree, long size) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("index", opened.leafIndex());
    if (opened.content().isPresent()) {
      item.put("salt", B64.encodeToString(opened.content().get().salt()));
      item.put("entry", opened.content().get().entry());
    } else {
      item.put("entryHash", B64.encodeToString(opened.entryHash()));
    }
    List<Object> proof = new ArrayList<>();
    tree.inclusionProof(opened.leafIndex(), size).path().forEach(hash -> proof.add(B64.encodeToString(hash)));
    item.put("proof", proof);
    return item;
  }

  private void requireSizes(long firstSize, long secondSize) {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new IllegalArgumentException("consistency needs 0 <= from <= to, was " + firstSize + ".." + secondSize);
    }
    index.read(session -> {
      requireSize(session, secondSize);
      return null;
    });
  }

  private static void requireSize(IndexSession session, long size) {
    long current = session.logTree().size();
    if (size < 0 || size > current) {
      throw new IllegalArgumentException("tree size " + size + " is outside 0.." + current);
    }
  }
}
