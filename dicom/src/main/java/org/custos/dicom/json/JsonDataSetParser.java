package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * Reads one JSON object of PS3.18 F.2 into a {@link PendingDataSet}, token by token. Errors name
 * the position of the offending token; for a value member that came before {@code "vr"} (JSON
 * members are unordered) the value is buffered and errors inside it name where it began.
 */
final class JsonDataSetParser {
  private final JsonParser p;
  private final BulkDataResolver resolver;
  private final Where fixed;
  private final ValueArrayParser values;

  /** {@code fixed} is the position to report for every error, or null to report token positions. */
  JsonDataSetParser(JsonParser p, BulkDataResolver resolver, Where fixed) {
    this.p = p;
    this.resolver = resolver;
    this.fixed = fixed;
    this.values = new ValueArrayParser(p, this);
  }

  /** Reads the members of the object whose START_OBJECT is the current token. */
  PendingDataSet parseDataSet() throws IOException {
    PendingDataSet ds = new PendingDataSet();
    Set<Integer> tags = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Where where = where();
      int tag = TagText.parse(p.currentName()).orElseThrow(() -> DicomJsonException.reading(
          "member name is not a tag of eight hex digits (PS3.18 F.2.1.1)", where, DicomJsonException.NO_TAG, null));
      if (Tag.group(tag) == 0xFFFE) {
        throw fail("item and delimitation tags (FFFE,xxxx) are not data elements (PS3.5 7.5)", tag);
      }
      if (!tags.add(tag)) {
        throw fail("tag occurs twice in one data set", tag);
      }
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw fail("an element must be a JSON object, not " + BinaryJson.describe(p.currentToken()), tag);
      }
      try {
        ds.add(parseElement(tag, where));
      } catch (JsonProcessingException e) {
        throw malformed(e, tag);
      }
    }
    return ds;
  }

  private PendingElement parseElement(int tag, Where where) throws IOException {
    Vr vr = null;
    String member = null;
    Pending content = Pending.EMPTY;
    byte[] early = null;
    Where earlyAt = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.equals(JsonModel.VR)) {
        if (vr != null) {
          throw fail("\"vr\" given twice", tag);
        }
        vr = parseVr(token, tag);
      } else if (name.equals(JsonModel.VALUE) || name.equals(JsonModel.INLINE_BINARY)
          || name.equals(JsonModel.BULK_DATA_URI)) {
        if (member != null) {
          throw fail("an element has at most one of Value, InlineBinary and BulkDataURI (PS3.18 F.2.2)", tag);
        }
        member = name;
        if (vr != null) {
          content = parseMember(name, vr, tag);
        } else {
          earlyAt = where();
          early = copyValue();
        }
      } else {
        throw fail("unexpected member in an element (want vr, Value, InlineBinary or BulkDataURI)", tag);
      }
    }
    if (vr == null) {
      throw DicomJsonException.reading("element has no \"vr\" (PS3.18 F.2.2)", where, tag, null);
    }
    if (early != null) {
      try (JsonParser buffered = JsonModel.FACTORY.createParser(early)) {
        buffered.nextToken();
        content = new JsonDataSetParser(buffered, resolver, earlyAt).parseMember(member, vr, tag);
      }
    }
    return new PendingElement(tag, vr, content, where);
  }

  private Vr parseVr(JsonToken token, int tag) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      throw fail("\"vr\" must be a string, not " + BinaryJson.describe(token), tag);
    }
    String name = p.getText();
    return Vr.ofName(name).orElseThrow(() -> fail(name.matches("[A-Z]{2}")
        ? "unknown VR " + name + " (PS3.5 6.2)" : "\"vr\" is not a VR of two capital letters (PS3.5 6.2)", tag));
  }

  /** Reads the value of member {@code name}, which is the current token. */
  Pending parseMember(String name, Vr vr, int tag) throws IOException {
    JsonToken token = p.currentToken();
    if (name.equals(JsonModel.VALUE)) {
      if (token != JsonToken.START_ARRAY) {
        throw fail("Value must be an array (PS3.18 F.2.4), not " + BinaryJson.describe(token), tag);
      }
      return values.parse(vr, tag);
    }
    if (token != JsonToken.VALUE_STRING) {
      throw fail(name + " must be a string, not " + BinaryJson.describe(token), tag);
    }
    if (name.equals(JsonModel.INLINE_BINARY)) {
      if (!vr.isBulk()) {
        throw fail("InlineBinary is allowed only for OB, OD, OF, OL, OV, OW and UN (PS3.18 F.2.7), not " + vr, tag);
      }
      return new Pending.Ready(Value.Bytes.of(decodeBase64(tag)));
    }
    return new Pending.Ready(BulkUriResolution.resolve(resolver, p.getText(), tag, vr, where()));
  }

  private byte[] decodeBase64(int tag) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Where where = where();
    try {
      p.readBinaryValue(JsonModel.BASE64_READ, out);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw DicomJsonException.reading("InlineBinary is not valid base64 (RFC 4648 4)", where, tag, null);
    }
    return out.toByteArray();
  }

  /** Copies the current value, whatever its structure, into a JSON text of its own. */
  private byte[] copyValue() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (JsonGenerator g = JsonModel.FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
      int depth = 0;
      while (true) {
        JsonToken token = p.currentToken();
        switch (token) {
          case START_OBJECT -> g.writeStartObject();
          case END_OBJECT -> g.writeEndObject();
          case START_ARRAY -> g.writeStartArray();
          case END_ARRAY -> g.writeEndArray();
          case FIELD_NAME -> g.writeFieldName(p.currentName());
          case VALUE_STRING -> g.writeString(p.getText());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText()); // the literal, every digit
          case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(token == JsonToken.VALUE_TRUE);
          default -> g.writeNull();
        }
        depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        if (depth == 0) {
          break;
        }
        p.nextToken();
      }
    }
    return buffer.toByteArray();
  }

  /** The parser's own message may quote the input: say only what kind of failure, and where. */
  static DicomJsonException malformed(JsonProcessingException e, int tag) {
    String reason = e instanceof StreamConstraintsException
        ? "JSON exceeds a parser limit (nesting depth, number or string length)" : "malformed JSON";
    return DicomJsonException.reading(reason, Where.of(e.getLocation()), tag, null);
  }

  Where where() {
    return fixed != null ? fixed : Where.of(p.currentTokenLocation());
  }

  DicomJsonException fail(String reason, int tag) {
    return DicomJsonException.reading(reason, where(), tag, null);
  }
}
