package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Reads the {@code "Value"} array of one element by its VR (PS3.18 F.2.4, F.2.5). */
final class ValueArrayParser {
  private final JsonParser p;
  private final JsonDataSetParser items;

  ValueArrayParser(JsonParser p, JsonDataSetParser items) {
    this.p = p;
    this.items = items;
  }

  /** Reads the array whose START_ARRAY is the current token. */
  Pending parse(Vr vr, int tag) throws IOException {
    switch (vr.kind()) {
      case SEQUENCE:
        return sequence(tag);
      case TEXT:
        return text(vr, tag);
      case BINARY:
        return binary(vr, tag);
      default:
        throw items.fail("Value is not allowed for VR " + vr
            + ": bulk VRs use InlineBinary or BulkDataURI (PS3.18 F.2.7)", tag);
    }
  }

  private Pending sequence(int tag) throws IOException {
    List<PendingDataSet> list = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        throw items.fail("an SQ item must be a JSON object (PS3.18 F.2.4), not " + BinaryJson.describe(token), tag);
      }
      list.add(items.parseDataSet());
    }
    return new Pending.Items(list);
  }

  private Pending text(Vr vr, int tag) throws IOException {
    List<String> values = new ArrayList<>();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      try {
        values.add(vr == Vr.PN ? personName(token) : TextJson.component(vr, token, p.getText()));
      } catch (BadValue bad) {
        throw items.fail(bad.getMessage(), tag);
      }
    }
    if (values.size() > 1 && !TextJson.isMultiValued(vr)) {
      throw items.fail("VR " + vr + " holds one value (PS3.5 6.2), not " + values.size(), tag);
    }
    return new Pending.Text(values);
  }

  private String personName(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return "";
    }
    if (token != JsonToken.START_OBJECT) {
      throw new BadValue("a PN value must be an object of component groups or null (PS3.18 F.2.2), not "
          + BinaryJson.describe(token));
    }
    String[] groups = new String[JsonModel.PN_GROUPS.length];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int index = PersonNameJson.groupIndex(p.currentName());
      if (index < 0) {
        throw new BadValue("a PN member must be Alphabetic, Ideographic or Phonetic (PS3.18 F.2.2)");
      }
      if (groups[index] != null) {
        throw new BadValue("PN " + JsonModel.PN_GROUPS[index] + " given twice");
      }
      JsonToken group = p.nextToken();
      if (group != JsonToken.VALUE_STRING && group != JsonToken.VALUE_NULL) {
        throw new BadValue("PN " + JsonModel.PN_GROUPS[index] + " must be a string, not " + BinaryJson.describe(group));
      }
      groups[index] = group == JsonToken.VALUE_NULL ? "" : p.getText();
    }
    return PersonNameJson.join(groups);
  }

  private Pending binary(Vr vr, int tag) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      try {
        BinaryJson.append(vr, token, p.getText(), out);
      } catch (BadValue bad) {
        throw items.fail(bad.getMessage(), tag);
      }
    }
    return new Pending.Ready(Value.Bytes.of(out.toByteArray()));
  }
}
