package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Walks a data set depth first and writes each element as its PS3.18 F.2 object. */
final class DataSetJsonWriter {
  private final JsonGenerator g;
  private final BulkJsonWriter bulk;

  DataSetJsonWriter(JsonGenerator g, JsonOptions options) {
    this.g = g;
    this.bulk = new BulkJsonWriter(g, options);
  }

  /** Writes {@code ds} as one object; {@code prefix} is the path of its sequence and item. */
  void write(DataSet ds, String prefix) throws IOException {
    g.writeStartObject();
    Set<Integer> seen = ds.isAscending() ? null : new HashSet<>();
    for (DicomElement e : ds.elements()) {
      String key = Tag.toHex(e.tag());
      if (seen != null && !seen.add(e.tag())) {
        throw DicomJsonException.writing("tag occurs twice in the data set, JSON member names must be unique",
            prefix + key, e.tag());
      }
      g.writeFieldName(key);
      try {
        writeElement(ds, e, prefix + key);
      } catch (BadValue bad) {
        throw DicomJsonException.writing(bad.getMessage(), prefix + key, e.tag());
      }
    }
    g.writeEndObject();
  }

  private void writeElement(DataSet owner, DicomElement e, String path) throws IOException {
    Value value = e.value();
    g.writeStartObject();
    // PS3.5 6.2.2: a UN element of undefined length is a sequence; JSON knows it only as SQ.
    g.writeStringField(JsonModel.VR, (value instanceof Value.Sequence ? Vr.SQ : e.vr()).name());
    if (value instanceof Value.Sequence sequence) {
      writeItems(sequence.items(), path);
    } else if (value instanceof Value.Fragments || value instanceof Value.Bulk || e.vr().isBulk()) {
      bulk.write(new BulkSite(path, e.tag(), e.vr(), value));
    } else {
      Value.Bytes bytes = (Value.Bytes) value;
      if (bytes.length() > 0) {
        switch (e.vr().kind()) {
          case TEXT -> TextJson.write(g, e.vr(), owner.getStrings(e.tag()));
          case BINARY -> {
            g.writeArrayFieldStart(JsonModel.VALUE);
            BinaryJson.write(g, e.vr(), bytes.bytes());
            g.writeEndArray();
          }
          default -> throw new BadValue("an SQ element holds bytes instead of items");
        }
      }
    }
    g.writeEndObject();
  }

  private void writeItems(List<DataSet> items, String path) throws IOException {
    if (items.isEmpty()) {
      return; // F.2.5: an empty sequence has only "vr"
    }
    g.writeArrayFieldStart(JsonModel.VALUE);
    for (int i = 0; i < items.size(); i++) {
      write(items.get(i), path + "/" + i + "/");
    }
    g.writeEndArray();
  }
}
