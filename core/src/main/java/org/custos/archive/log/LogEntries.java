package org.custos.archive.log;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import org.custos.archive.seal.Seals;

/**
 * The log entries of version 1 (docs/formats/log-entry.md), as the maps that are canonicalised
 * with RFC 8785. They name internal ids and DICOM UIDs (never names, dates or other PHI) and are
 * stored sealed; the public sees only salted leaf hashes. {@code prev} is added by the appender.
 */
public final class LogEntries {
  public static final String INSTANCE_STORED = "instance.stored";
  public static final String INSTANCE_SUPERSEDED = "instance.superseded";
  public static final String INSTANCE_DELETED = "instance.deleted";
  public static final String PATIENT_SHREDDED = "patient.shredded";
  public static final String ACCESS = "access";
  public static final String KEY_ROTATED = "key.rotated";

  private static final HexFormat HEX = HexFormat.of();

  private LogEntries() {}

  /** What an instance.stored entry says, beyond the patient. */
  public record StoredInstance(String studyUid, String seriesUid, String sopUid, String sopClassUid, int version,
      Seals seals, String sourceKind) {}

  public static Map<String, Object> instanceStored(Instant time, String patientId, StoredInstance stored) {
    Map<String, Object> entry = patientEntry(INSTANCE_STORED, time, patientId);
    entry.put("study", stored.studyUid());
    entry.put("series", stored.seriesUid());
    entry.put("sop", stored.sopUid());
    entry.put("sopClass", stored.sopClassUid());
    entry.put("version", (long) stored.version());
    Map<String, Object> seals = new LinkedHashMap<>();
    seals.put("stored", HEX.formatHex(stored.seals().stored()));
    stored.seals().pixel().ifPresent(pixel -> seals.put("pixel", HEX.formatHex(pixel)));
    seals.put("pixelKind", stored.seals().pixelKind().name());
    seals.put("identity", HEX.formatHex(stored.seals().identity()));
    entry.put("seals", seals);
    entry.put("source", stored.sourceKind());
    entry.put("attestation", "none");
    return entry;
  }

  public static Map<String, Object> instanceSuperseded(Instant time, String patientId, String sopUid, int version,
      int by) {
    Map<String, Object> entry = patientEntry(INSTANCE_SUPERSEDED, time, patientId);
    entry.put("sop", sopUid);
    entry.put("version", (long) version);
    entry.put("by", (long) by);
    return entry;
  }

  public static Map<String, Object> instanceDeleted(Instant time, String patientId, String sopUid, int versions) {
    Map<String, Object> entry = patientEntry(INSTANCE_DELETED, time, patientId);
    entry.put("sop", sopUid);
    entry.put("versions", (long) versions);
    return entry;
  }

  public static Map<String, Object> patientShredded(Instant time, String patientId) {
    return patientEntry(PATIENT_SHREDDED, time, patientId);
  }

  public static Map<String, Object> access(Instant time, String patientId, Access access, ReadAction action,
      String studyUid) {
    Map<String, Object> entry = patientEntry(ACCESS, time, patientId);
    entry.put("principal", access.principal());
    entry.put("purpose", access.purpose());
    entry.put("action", action.name());
    if (!studyUid.isEmpty()) {
      entry.put("study", studyUid);
    }
    return entry;
  }

  public static Map<String, Object> keyRotated(Instant time, String from, String to) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("v", 1L);
    entry.put("type", KEY_ROTATED);
    entry.put("time", time.toString());
    entry.put("from", from);
    entry.put("to", to);
    return entry;
  }

  private static Map<String, Object> patientEntry(String type, Instant time, String patientId) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("v", 1L);
    entry.put("type", type);
    entry.put("time", time.toString());
    entry.put("patient", patientId);
    return entry;
  }
}
