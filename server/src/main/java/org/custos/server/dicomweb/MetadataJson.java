package org.custos.server.dicomweb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import org.custos.archive.StorageException;
import org.custos.dicom.Tag;

/**
 * Reads single values out of an instance's sealed DICOM JSON without building a tree: the parser
 * stops at the element asked for, which for the UIDs of group 0008 and 0020 is near the start.
 */
public final class MetadataJson {
  private static final JsonFactory JSON = new JsonFactory();

  private MetadataJson() {}

  /** The first value of a top-level text element, e.g. SOP Instance UID; empty when absent or empty. */
  public static Optional<String> firstText(byte[] json, int tag) {
    String name = Tag.toHex(tag);
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new StorageException("sealed instance metadata is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (!field.equals(name)) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String member = p.currentName();
          JsonToken value = p.nextToken();
          if (member.equals("Value") && value == JsonToken.START_ARRAY) {
            JsonToken first = p.nextToken();
            return first == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
          }
          p.skipChildren();
        }
        return Optional.empty();
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException("sealed instance metadata is not valid JSON", e);
    }
  }
}
