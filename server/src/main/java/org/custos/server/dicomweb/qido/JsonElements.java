package org.custos.server.dicomweb.qido;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.Vr;

/**
 * DICOM JSON elements (PS3.18 F.2) built from the text values the index keeps, and text read
 * back out of elements for matching. PN values become objects of component groups (F.2.2), IS and
 * DS numbers where they parse (F.2.3), everything else strings.
 */
final class JsonElements {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

  private JsonElements() {}

  /** An element without a value: {@code {"vr":"PN"}} (F.2.5). */
  static ObjectNode empty(Vr vr) {
    ObjectNode element = NODES.objectNode();
    element.put("vr", vr.name());
    return element;
  }

  /** An element from backslash-joined text values as ingest keeps them. */
  static ObjectNode ofText(Vr vr, String joined) {
    ObjectNode element = empty(vr);
    if (joined.isEmpty()) {
      return element;
    }
    ArrayNode values = element.putArray("Value");
    for (String value : joined.split("\\\\", -1)) {
      if (vr == Vr.PN) {
        values.add(personName(value));
      } else if ((vr == Vr.IS || vr == Vr.DS) && isNumber(value.strip())) {
        values.add(new BigDecimal(value.strip()));
      } else if (value.isEmpty()) {
        values.addNull();
      } else {
        values.add(value);
      }
    }
    return element;
  }

  static ObjectNode ofStrings(Vr vr, List<String> strings) {
    ObjectNode element = empty(vr);
    if (!strings.isEmpty()) {
      ArrayNode values = element.putArray("Value");
      strings.forEach(values::add);
    }
    return element;
  }

  static ObjectNode ofNumber(Vr vr, long number) {
    ObjectNode element = empty(vr);
    element.putArray("Value").add(number);
    return element;
  }

  private static ObjectNode personName(String value) {
    ObjectNode name = NODES.objectNode();
    String[] groups = value.split("=", -1);
    for (int i = 0; i < groups.length && i < GROUPS.length; i++) {
      if (!groups[i].isEmpty()) {
        name.put(GROUPS[i], groups[i]);
      }
    }
    return name;
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text);
      return !text.isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The values of an element as text: PN groups joined with '=', numbers as written. */
  static List<String> texts(JsonNode element) {
    List<String> texts = new ArrayList<>();
    for (JsonNode value : element.path("Value")) {
      if (value.isObject()) {
        List<String> groups = new ArrayList<>();
        for (String group : GROUPS) {
          groups.add(value.path(group).asText(""));
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1).isEmpty()) {
          groups.remove(groups.size() - 1);
        }
        texts.add(String.join("=", groups));
      } else if (value.isNumber()) {
        texts.add(value.decimalValue().toPlainString());
      } else if (!value.isNull()) {
        texts.add(value.asText());
      }
    }
    return texts;
  }
}
