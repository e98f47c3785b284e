package org.custos.verifier;

import java.util.Set;
import org.custos.ledger.receipt.EntryType;
import org.custos.ledger.receipt.LogEntryView;
import org.custos.ledger.receipt.ReceiptEntry;

/** What the receipt says happened: per image (instance entries by SOP Instance UID), accesses, the rest. */
final class ReceiptContents {
  static final String IMAGES = "Images";
  static final String ACCESSES = "Accesses";
  static final String OTHER = "Other entries";

  private ReceiptContents() {}

  static void describe(java.util.List<ReceiptEntry> entries, Set<Long> included, Report report) {
    java.util.Map<String, java.util.List<ReceiptEntry>> bySop = new java.util.LinkedHashMap<>();
    for (ReceiptEntry entry : entries) {
      LogEntryView view = entry.view();
      if (view.type().isInstanceEvent()) {
        bySop.computeIfAbsent(view.sop().orElseThrow(), k -> new java.util.ArrayList<>()).add(entry);
      }
    }
    bySop.values().forEach(list -> list.forEach(e -> line(e, included, report, IMAGES, "image")));
    for (ReceiptEntry entry : entries) {
      EntryType type = entry.view().type();
      if (type == EntryType.ACCESS) {
        line(entry, included, report, ACCESSES, "access");
      } else if (!type.isInstanceEvent()) {
        line(entry, included, report, type == EntryType.PATIENT_SHREDDED ? IMAGES : OTHER, type.wireName());
      }
    }
  }

  private static void line(ReceiptEntry entry, Set<Long> included, Report report, String section, String check) {
    LogEntryView view = entry.view();
    String where = included.contains(entry.index()) ? ": included at leaf " + entry.index()
        : ": NOT proven included (leaf " + entry.index() + ")";
    report.info(section, check, Describe.event(view) + where, Describe.details(view, entry.index()));
  }
}
