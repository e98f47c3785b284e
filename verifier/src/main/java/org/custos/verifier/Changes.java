package org.custos.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custos.ledger.receipt.EntryType;
import org.custos.ledger.receipt.InstanceSeals;
import org.custos.ledger.receipt.LogEntryView;
import org.custos.ledger.receipt.ReceiptEntry;

/**
 * What the patient's later entries change about the receipt's images, in words: "unchanged since",
 * "altered: version 2 stored … (pixel seal changed)", "removed: deleted …", "new image added since",
 * "patient shredded", and the accesses since.
 */
final class Changes {
  private Changes() {}

  static void describe(List<ReceiptEntry> receiptEntries, List<ReceiptEntry> later, Set<Long> included, Instant since,
      Report report) {
    Map<String, Optional<InstanceSeals>> lastSeals = new LinkedHashMap<>();
    for (ReceiptEntry entry : receiptEntries) {
      LogEntryView view = entry.view();
      if (view.type().isInstanceEvent()) {
        Optional<InstanceSeals> seals = view.seals();
        lastSeals.merge(view.sop().orElseThrow(), seals, (old, now) -> now.isPresent() ? now : old);
      }
    }
    Map<String, List<String>> changes = new LinkedHashMap<>();
    lastSeals.keySet().forEach(sop -> changes.put(sop, new ArrayList<>()));
    List<ReceiptEntry> newImages = new ArrayList<>();
    List<ReceiptEntry> other = new ArrayList<>();
    for (ReceiptEntry entry : later) {
      LogEntryView view = entry.view();
      String leaf = included.contains(entry.index()) ? " (leaf " + entry.index() + ")"
          : " (leaf " + entry.index() + ", NOT proven included)";
      Optional<String> sop = view.sop();
      if (view.type().isInstanceEvent() && sop.isPresent() && changes.containsKey(sop.get())) {
        changes.get(sop.get()).add(change(view, lastSeals.get(sop.get())) + leaf);
        if (view.seals().isPresent()) {
          lastSeals.put(sop.get(), view.seals());
        }
      } else if (view.type() == EntryType.INSTANCE_STORED) {
        newImages.add(entry);
        changes.put(sop.orElseThrow(), new ArrayList<>());
        lastSeals.put(sop.get(), view.seals());
      } else {
        other.add(entry);
      }
    }
    for (Map.Entry<String, List<String>> image : changes.entrySet()) {
      String sop = image.getKey();
      boolean added = newImages.stream().anyMatch(e -> e.view().sop().orElse("").equals(sop));
      if (added) {
        ReceiptEntry first = newImages.stream().filter(e -> e.view().sop().orElse("").equals(sop)).findFirst().orElseThrow();
        report.info(LiveCheck.SINCE, "image-added", "new image added since: " + sop + " " + first.view().timeText()
            + ", version " + first.view().version().orElse(0) + ", " + Describe.seals(first.view().seals().orElseThrow()),
            Describe.details(first.view(), first.index()));
      } else if (image.getValue().isEmpty()) {
        report.info(LiveCheck.SINCE, "image-unchanged", sop + ": unchanged since " + since, Map.of("sop", sop));
      }
      for (String change : image.getValue()) {
        report.info(LiveCheck.SINCE, "image-changed", sop + ": " + change, Map.of("sop", sop));
      }
    }
    for (ReceiptEntry entry : other) {
      LogEntryView view = entry.view();
      String text = switch (view.type()) {
        case PATIENT_SHREDDED -> "patient shredded " + view.timeText();
        case ACCESS -> "new access since: " + Describe.access(view);
        default -> Describe.event(view);
      };
      report.info(LiveCheck.SINCE, view.type().wireName(), text + " (leaf " + entry.index() + ")",
          Describe.details(view, entry.index()));
    }
  }

  private static String change(LogEntryView view, Optional<InstanceSeals> before) {
    return switch (view.type()) {
      case INSTANCE_STORED -> {
        InstanceSeals seals = view.seals().orElseThrow();
        boolean pixelSame = before.isPresent() && before.get().pixelKind() == seals.pixelKind()
            && Arrays.equals(before.get().pixel(), seals.pixel());
        yield "altered: version " + view.version().orElse(0) + " stored " + view.timeText() + " (pixel seal "
            + (pixelSame ? "unchanged" : "changed") + ")";
      }
      case INSTANCE_DELETED -> "removed: deleted " + view.timeText();
      default -> Describe.event(view).substring(view.sop().orElse("").length()).strip();
    };
  }
}
