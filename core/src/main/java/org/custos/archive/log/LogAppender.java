package org.custos.archive.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.StorageException;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.LogEntryRow;
import org.custos.crypto.LogKeys;
import org.custos.crypto.PatientKey;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.json.CanonicalJson;

/**
 * Appends entries to the log inside the caller's index transaction, so an entry commits (or rolls
 * back) with the change it records. Per entry: link it to its owner's chain ({@code prev}),
 * canonicalise it (RFC 8785), draw a 32-byte salt, seal salt ‖ entry under the owner's patient key
 * (or the log entry key) bound to the leaf index, and append the leaf SHA-256(salt ‖ entry).
 * Thread-safe; the index serialises appends.
 */
public final class LogAppender {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final java.util.HexFormat HEX = java.util.HexFormat.of();

  private final LogKeys logKeys;

  public LogAppender(LogKeys logKeys) {
    this.logKeys = logKeys;
  }

  /** Appends an entry of {@code owner}'s chain, sealed under that patient's key; returns its leaf index. */
  public long append(IndexSession session, PatientKey owner, Map<String, Object> entry) {
    return append(session, Optional.of(owner.id()), entry, Optional.of(owner));
  }

  /**
   * Appends an entry sealed under the log entry key: archive-wide entries (no owner), and the
   * last entry of a patient whose key is being destroyed (patient.shredded).
   */
  public long appendUnderLogKey(IndexSession session, Optional<String> owner, Map<String, Object> entry) {
    return append(session, owner, entry, Optional.empty());
  }

  private long append(IndexSession session, Optional<String> owner, Map<String, Object> entry,
      Optional<PatientKey> sealWith) {
    long leafIndex = session.logTree().size();
    Optional<byte[]> prev = owner.flatMap(session::logHead);
    prev.ifPresent(hash -> entry.put("prev", HEX.formatHex(hash)));
    byte[] canonical = CanonicalJson.encode(entry);
    byte[] salt = new byte[LogLeaves.SALT_SIZE];
    RANDOM.nextBytes(salt);
    byte[] entryHash = LogLeaves.entryHash(salt, canonical);
    byte[] plain = ByteBuffer.allocate(salt.length + canonical.length).put(salt).put(canonical).array();
    byte[] ad = associatedData(leafIndex);
    byte[] sealed = sealWith.isPresent() ? sealWith.get().seal(plain, ad) : logKeys.seal(plain, ad);
    LogEntryRow.SealedBy by = sealWith.isPresent() ? LogEntryRow.SealedBy.PATIENT_KEY : LogEntryRow.SealedBy.LOG_KEY;
    session.insertLogEntry(new LogEntryRow(leafIndex, entryHash, owner, by, sealed, Instant.parse((String) entry.get("time"))));
    session.logTree().append(LogLeaves.leafHash(entryHash));
    if (owner.isPresent() && !session.moveLogHead(owner.get(), prev, entryHash)) {
      throw new StorageException("the log chain of " + owner.get() + " moved during this transaction; retry");
    }
    return leafIndex;
  }

  /** Binds a sealed entry to its leaf, so sealed entries cannot be swapped between rows. */
  static byte[] associatedData(long leafIndex) {
    return ("custos-log-entry/1|" + leafIndex).getBytes(StandardCharsets.US_ASCII);
  }
}
