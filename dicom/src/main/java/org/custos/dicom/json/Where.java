package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonLocation;

/** A position in the JSON input, 1-based; -1 when the parser could not say. */
record Where(int line, int column) {
  static final Where UNKNOWN = new Where(-1, -1);

  static Where of(JsonLocation location) {
    return location == null ? UNKNOWN : new Where(location.getLineNr(), location.getColumnNr());
  }
}
