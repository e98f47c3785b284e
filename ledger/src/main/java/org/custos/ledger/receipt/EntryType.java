package org.custos.ledger.receipt;

import java.util.Arrays;
import java.util.Optional;

/** The log entry types of format v1 (docs/formats/log-entry.md), by their wire names. */
public enum EntryType {
  INSTANCE_STORED("instance.stored", Scope.PATIENT),
  INSTANCE_SUPERSEDED("instance.superseded", Scope.PATIENT),
  INSTANCE_DELETED("instance.deleted", Scope.PATIENT),
  PATIENT_SHREDDED("patient.shredded", Scope.PATIENT),
  ACCESS("access", Scope.PATIENT),
  /** Reserved for later issues; accepted and shown generically. */
  SHARE_CREATED("share.created", Scope.RESERVED),
  SHARE_USED("share.used", Scope.RESERVED),
  SHARE_REVOKED("share.revoked", Scope.RESERVED),
  EXPORT_DEIDENTIFIED("export.deidentified", Scope.RESERVED),
  QUARANTINE_DECIDED("quarantine.decided", Scope.RESERVED),
  /** Archive-wide: no patient, no chain, never in a receipt. */
  KEY_ROTATED("key.rotated", Scope.ARCHIVE);

  enum Scope { PATIENT, RESERVED, ARCHIVE }

  private final String wireName;
  private final Scope scope;

  EntryType(String wireName, Scope scope) {
    this.wireName = wireName;
    this.scope = scope;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether entries of this type belong to a patient's chain (and so may appear in receipts). */
  public boolean patientScoped() {
    return scope != Scope.ARCHIVE;
  }

  /** Whether the type is reserved for a later format revision and has no typed members yet. */
  public boolean reserved() {
    return scope == Scope.RESERVED;
  }

  public boolean isInstanceEvent() {
    return wireName.startsWith("instance.");
  }

  public static Optional<EntryType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
