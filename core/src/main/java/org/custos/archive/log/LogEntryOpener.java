package org.custos.archive.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.LogEntryRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.keys.ArchiveKeys;
import org.custos.crypto.CryptoException;
import org.custos.crypto.PatientKey;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.json.CanonicalJson;
import org.custos.ledger.json.Json;

/**
 * Opens stored entries and checks them: the sealed bytes must authenticate for their leaf, and
 * SHA-256(salt ‖ entry) must equal the stored entry hash, with the entry in canonical form.
 * Entries of shredded patients cannot be opened, by design: they come back without content.
 */
public final class LogEntryOpener {
  private final ArchiveKeys keys;

  public LogEntryOpener(ArchiveKeys keys) {
    this.keys = keys;
  }

  /**
   * @param patient the owner's row when the entry is sealed under a patient key (empty or shredded:
   *     the entry comes back sealed)
   * @throws IntegrityFailureException when the entry does not authenticate or does not hash to its entry hash
   */
  public OpenedEntry open(LogEntryRow row, Optional<PatientRow> patient) {
    byte[] ad = LogAppender.associatedData(row.leafIndex());
    byte[] plain;
    try {
      if (row.sealedBy() == LogEntryRow.SealedBy.LOG_KEY) {
        plain = keys.log().open(row.entrySealed(), ad);
      } else {
        if (patient.isEmpty() || patient.get().shredded().isPresent()) {
          return new OpenedEntry(row.leafIndex(), row.entryHash(), Optional.empty());
        }
        PatientKey key = keys.patientKey(patient.get());
        plain = key.open(row.entrySealed(), ad);
      }
    } catch (CryptoException | NotFoundException e) {
      throw new IntegrityFailureException("log entry " + row.leafIndex() + " does not open: " + e.getMessage(), e);
    }
    if (plain.length <= LogLeaves.SALT_SIZE) {
      throw new IntegrityFailureException("log entry " + row.leafIndex() + " is too short");
    }
    byte[] salt = Arrays.copyOf(plain, LogLeaves.SALT_SIZE);
    byte[] canonical = Arrays.copyOfRange(plain, LogLeaves.SALT_SIZE, plain.length);
    if (!MessageDigest.isEqual(LogLeaves.entryHash(salt, canonical), row.entryHash())) {
      throw new IntegrityFailureException("log entry " + row.leafIndex() + " does not hash to its stored entry hash");
    }
    Object parsed = Json.parse(new String(canonical, StandardCharsets.UTF_8));
    if (!(parsed instanceof Map<?, ?> map) || !Arrays.equals(CanonicalJson.encode(map), canonical)) {
      throw new IntegrityFailureException("log entry " + row.leafIndex() + " is not a canonical JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) map);
    return new OpenedEntry(row.leafIndex(), row.entryHash(), Optional.of(new OpenedEntry.Content(salt, canonical, entry)));
  }
}
