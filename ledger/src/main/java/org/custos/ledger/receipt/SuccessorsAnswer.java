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
 * inclusion proof in the tree of {@code size} leaves (entries as in a receipt). Immutable.
 */
public record SuccessorsAnswer(long size, List<ReceiptEntry> entries) {
  public SuccessorsAnswer {
    if (size < 1) {
      throw new IllegalArgumentException("a tree size is >= 1, was " + size);
    }
    entries = List.copyOf(entries);
  }

  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("size", size);
    out.put("entries", entries.stream().map(ReceiptCodec::entryToJson).toList());
    return Json.write(out, false);
  }

  public static SuccessorsAnswer parse(String json) {
    Members body = Members.of(Members.parseJson(json, "$"), "$").only(Set.of("size", "entries"));
    long size = body.nonNegative("size");
    if (size < 1) {
      throw new LogFormatException("$.size", "expected an integer >= 1");
    }
    List<?> items = body.array("entries");
    List<ReceiptEntry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      entries.add(ReceiptCodec.entryFromJson(items.get(i), "$.entries[" + i + "]"));
    }
    return new SuccessorsAnswer(size, entries);
  }
}
