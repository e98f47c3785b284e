package org.custos.ledger.receipt;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builders of v1 log entry objects for tests (synthetic UIDs, no real patient data). */
final class Entries {
  private Entries() {}

  static Map<String, Object> base(String type, String time, String patient, byte[] prev) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("v", 1L);
    e.put("type", type);
    e.put("time", time);
    e.put("patient", patient);
    if (prev != null) {
      e.put("prev", HexFormat.of().formatHex(prev));
    }
    return e;
  }

  static Map<String, Object> stored(String time, String patient, byte[] prev, String sop, long version, String pixelSeal) {
    Map<String, Object> e = base("instance.stored", time, patient, prev);
    e.put("study", "1.2.826.0.1.3680043.10.1137.1");
    e.put("series", "1.2.826.0.1.3680043.10.1137.1.1");
    e.put("sop", sop);
    e.put("sopClass", "1.2.840.10008.5.1.4.1.1.2");
    e.put("version", version);
    Map<String, Object> seals = new LinkedHashMap<>();
    seals.put("stored", "11".repeat(32));
    seals.put("pixel", pixelSeal);
    seals.put("pixelKind", "DECODED");
    seals.put("identity", "33".repeat(32));
    e.put("seals", seals);
    e.put("source", "import");
    e.put("attestation", "none");
    return e;
  }

  static Map<String, Object> access(String time, String patient, byte[] prev, String action) {
    Map<String, Object> e = base("access", time, patient, prev);
    e.put("principal", "cli:radiologist");
    e.put("purpose", "treatment");
    e.put("action", action);
    e.put("study", "1.2.826.0.1.3680043.10.1137.1");
    return e;
  }
}
