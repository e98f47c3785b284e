package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.dicom.Vr;

/**
 * Character string VRs as JSON (PS3.18 F.2.3, F.2.5): one array entry per value, null for an
 * empty value of a multi-valued element, numbers for IS and DS, objects for PN.
 *
 * <p><b>Deviation:</b> IS or DS text that is not a number at all (PS3.5 6.2 forbids it, old files
 * have it) cannot be a JSON number; it is written as a JSON string rather than dropped, and
 * strings are accepted for IS and DS on reading, kept as they are.
 */
final class TextJson {
  /** PS3.5 6.2: these VRs hold one value, which may contain '\'. */
  private static final Set<Vr> SINGLE_VALUED = EnumSet.of(Vr.LT, Vr.ST, Vr.UT, Vr.UR);

  private TextJson() {}

  static boolean isMultiValued(Vr vr) {
    return !SINGLE_VALUED.contains(vr);
  }

  /** Writes the Value member for decoded values, or nothing when the element is empty. */
  static void write(JsonGenerator g, Vr vr, List<String> values) throws IOException {
    if (values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty())) {
      return; // F.2.5: an empty element has no Value
    }
    g.writeArrayFieldStart(JsonModel.VALUE);
    for (String value : values) {
      if (value.isEmpty()) {
        g.writeNull();
      } else if (vr == Vr.PN) {
        PersonNameJson.write(g, value);
      } else if (vr == Vr.IS) {
        writeNumber(g, NumberText.jsonFromIntegerString(value), value);
      } else if (vr == Vr.DS) {
        writeNumber(g, NumberText.jsonFromDecimalString(value), value);
      } else {
        g.writeString(value);
      }
    }
    g.writeEndArray();
  }

  private static void writeNumber(JsonGenerator g, Optional<String> json, String text) throws IOException {
    if (json.isPresent()) {
      g.writeNumber(json.get());
    } else {
      g.writeString(text);
    }
  }

  /** The text of one array entry of a non-PN text element: "" for null. */
  static String component(Vr vr, JsonToken token, String text) {
    switch (token) {
      case VALUE_NULL:
        return "";
      case VALUE_STRING:
        if (isMultiValued(vr) && text.indexOf('\\') >= 0) {
          throw new BadValue(vr + " value contains '\\', the value delimiter (PS3.5 6.4)");
        }
        return text;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        if (vr == Vr.IS) {
          return NumberText.integerStringFromJson(text, token == JsonToken.VALUE_NUMBER_INT);
        }
        if (vr == Vr.DS) {
          return NumberText.decimalStringFromJson(text);
        }
        throw new BadValue(vr + " value must be a string, not a number");
      default:
        throw new BadValue(vr + " value must be a " + (vr == Vr.IS || vr == Vr.DS ? "number" : "string")
            + " or null, not " + BinaryJson.describe(token));
    }
  }
}
