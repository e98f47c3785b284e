package org.custos.ledger.receipt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.json.Json;

/**
 * The log's answer to a {@link SuccessorsQuery}: {@code {"size":N,"entries":[{"index","salt",
 * "entry","proof"}, …]}}, the later entries of the patient's chain in index order, each with its
 * inclusion proof in the tree of {@code size} leaves (entries as in a receipt), and, under
 * {@code "withheld"} (present only when not empty), the later entries whose patient key was
 * destroyed, as {@link WithheldEntry}. Immutable.
 */
public record SuccessorsAnswer(long size, List<ReceiptEntry> entries, List<WithheldEntry> withheld) {
  public SuccessorsAnswer {
    if (size < 1) {
      throw new IllegalArgumentException("a tree size is >= 1, was " + size);
    }
    entries = List.copyOf(entries);
    withheld = List.copyOf(withheld);
  }

  public SuccessorsAnswer(long size, List<ReceiptEntry> entries) {
    this(size, entries, List.of());
  }

  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("size", size);
    out.put("entries", entries.stream().map(ReceiptCodec::entryToJson).toList());
    if (!withheld.isEmpty()) {
      out.put("withheld", withheld.stream().map(WithheldEntry::toJson).toList());
    }
    return Json.write(out, false);
  }

  public static SuccessorsAnswer parse(String json) {
    Members body = Members.of(Members.parseJson(json, "$"), "$").only(Set.of("size", "entries", "withheld"));
    long size = body.nonNegative("size");
    if (size < 1) {
      throw new LogFormatException("$.size", "expected an integer >= 1");
    }
    List<?> items = body.array("entries");
    List<ReceiptEntry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(ReceiptCodec.entryFromJson(items.get(i), "$.entries[" + i + "]"));
    }
    List<WithheldEntry> withheld = new ArrayList<>();
    if (body.has("withheld")) {
      List<?> sealed = body.array("withheld");
      for (int i = 0; i < sealed.size(); i++) {
        withheld.add(WithheldEntry.fromJson(sealed.get(i), "$.withheld[" + i + "]"));
      }
    }
    return new SuccessorsAnswer(size, entries, withheld);
  }
}
