package org.custos.dicom.json;

import java.util.List;
import org.custos.dicom.Value;

/**
 * The content of an element read from JSON but not yet encoded: text waits for the Specific
 * Character Set, which JSON may give after the text (members are unordered, RFC 8259 4).
 */
sealed interface Pending {
  /** An element with only "vr". */
  Pending EMPTY = new Ready(null);

  /** Text values as decoded from JSON, "" for null entries; encoded when the data set ends. */
  record Text(List<String> values) implements Pending {
    public Text {
      values = List.copyOf(values);
    }

    @Override
    public String toString() {
      return "Text[" + values.size() + " values]"; // values may be PHI
    }
  }

  /** A value complete as read (binary numbers, InlineBinary, resolved BulkDataURI); null when empty. */
  record Ready(Value value) implements Pending {}

  /** Sequence items, built with the character set of the enclosing data set. */
  record Items(List<PendingDataSet> items) implements Pending {
    public Items {
      items = List.copyOf(items);
    }
  }
}
