package org.custos.verifier;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.json.Json;
import org.custos.ledger.receipt.InstanceSeals;
import org.custos.ledger.receipt.LogEntryView;

/** Sentences and JSON details for single entries, shared by the receipt's and the live log's sections. */
final class Describe {
  private static final Set<String> COMMON = Set.of("v", "type", "time", "patient", "prev");

  private Describe() {}

  static String seals(InstanceSeals seals) {
    HexFormat hex = HexFormat.of();
    String pixel = seals.hasPixelSeal()
        ? "pixel " + abbreviate(hex.formatHex(seals.pixel())) + " (" + seals.pixelKind() + ")" : "no pixel data";
    return "seals stored " + abbreviate(hex.formatHex(seals.stored())) + ", " + pixel + ", identity "
        + abbreviate(hex.formatHex(seals.identity()));
  }

  private static String abbreviate(String hex) {
    return hex.substring(0, 16) + "…";
  }

  /** An instance, patient or reserved event, without the leaf. */
  static String event(LogEntryView view) {
    String sop = view.sop().orElse("");
    return switch (view.type()) {
      case INSTANCE_STORED -> sop + " version " + view.version().orElse(0) + " stored " + view.timeText() + ", "
          + seals(view.seals().orElseThrow());
      case INSTANCE_SUPERSEDED -> sop + " version " + view.version().orElse(0) + " superseded by version "
          + view.integer("by").orElse(0) + " " + view.timeText();
      case INSTANCE_DELETED -> sop + " deleted (" + view.integer("versions").orElse(0) + " versions) " + view.timeText();
      case PATIENT_SHREDDED -> "patient shredded " + view.timeText();
      case ACCESS -> access(view);
      default -> view.type().wireName() + " " + view.timeText() + " " + Json.write(extras(view), false);
    };
  }

  static String access(LogEntryView view) {
    return view.timeText() + " " + view.string("principal").orElse("?") + " (" + view.string("purpose").orElse("?")
        + ") " + view.string("action").orElse("?") + " study " + view.study().orElse("?");
  }

  /** The entry's own members for the JSON report, plus its leaf index. */
  static Map<String, Object> details(LogEntryView view, long index) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("index", index);
    details.put("entry", view.entry());
    return details;
  }

  private static Map<String, Object> extras(LogEntryView view) {
    Map<String, Object> extras = new LinkedHashMap<>(view.entry());
    extras.keySet().removeAll(COMMON);
    return extras;
  }
}
