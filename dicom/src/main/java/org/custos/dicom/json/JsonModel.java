package org.custos.dicom.json;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/** The member names of PS3.18 F.2 and the jackson-core set-up both directions share. */
final class JsonModel {
  static final String VR = "vr";
  static final String VALUE = "Value";
  static final String INLINE_BINARY = "InlineBinary";
  static final String BULK_DATA_URI = "BulkDataURI";
  /** PS3.18 F.2.2: the three component groups of a person name, in the order of PS3.5 6.2.1. */
  static final String[] PN_GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

  /** RFC 4648 base64 with padding and no line breaks, as F.2.7 requires. */
  static final Base64Variant BASE64 = Base64Variants.MIME_NO_LINEFEEDS;
  /** On reading, padding may be left out; line breaks and spaces between quads are skipped. */
  static final Base64Variant BASE64_READ = BASE64.withPaddingAllowed();

  /**
   * Callers own their streams: closing a parser or generator does not close them. Closing a
   * generator after a failure does not close open objects either, so that output cut short is
   * never well-formed JSON that looks complete. The default stream read constraints (nesting
   * depth, number length, string length) bound hostile input.
   */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
      .build();

  private JsonModel() {}
}
