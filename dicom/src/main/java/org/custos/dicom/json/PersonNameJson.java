package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * PS3.18 F.2.2: a PN value is an object with up to three members, Alphabetic, Ideographic and
 * Phonetic, holding the component groups that PS3.5 6.2.1 separates with '='.
 */
final class PersonNameJson {
  private PersonNameJson() {}

  /**
   * Writes one non-empty value. Empty groups are left out; a value whose groups are all empty is
   * written as null, like an empty value (F.2.5). A malformed value with more than three groups
   * keeps the surplus '=' in Phonetic, so that nothing is lost.
   */
  static void write(JsonGenerator g, String value) throws IOException {
    String[] groups = value.split("=", 3);
    boolean any = false;
    for (String group : groups) {
      any |= !group.isEmpty();
    }
    if (!any) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (int i = 0; i < groups.length; i++) {
      if (!groups[i].isEmpty()) {
        g.writeStringField(JsonModel.PN_GROUPS[i], groups[i]);
      }
    }
    g.writeEndObject();
  }

  /** Index of a group member name, or -1 for any other name. */
  static int groupIndex(String name) {
    for (int i = 0; i < JsonModel.PN_GROUPS.length; i++) {
      if (JsonModel.PN_GROUPS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The PN value of the given groups (null or empty for a missing group), without trailing empty
   * groups: {@code A}, {@code A=I}, {@code A=I=P}, {@code =I} or {@code ==P}.
   */
  static String join(String[] groups) {
    int last = -1;
    for (int i = 0; i < groups.length; i++) {
      if (groups[i] != null && !groups[i].isEmpty()) {
        last = i;
      }
    }
    StringBuilder value = new StringBuilder();
    for (int i = 0; i <= last; i++) {
      if (i > 0) {
        value.append('=');
      }
      String group = groups[i] == null ? "" : groups[i];
      if (group.indexOf('\\') >= 0 || (i < 2 && group.indexOf('=') >= 0)) {
        throw new BadValue("PN " + JsonModel.PN_GROUPS[i] + " contains '\\' or '=', the PS3.5 6.2 delimiters");
      }
      value.append(group);
    }
    return value.toString();
  }
}
