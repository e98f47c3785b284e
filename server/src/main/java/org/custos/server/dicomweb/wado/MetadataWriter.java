package org.custos.server.dicomweb.wado;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.custos.archive.StorageException;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.server.dicomweb.DicomWebUrls;
import org.custos.server.dicomweb.StoredInstance;
import org.custos.server.dicomweb.StoredMetadata;

/**
 * Writes the metadata of instances as one DICOM JSON array (PS3.18 10.4.1.1.2, F.2), streaming. Each
 * instance's sealed JSON (compact UTF-8, as the codec wrote it at ingest) is copied byte for byte,
 * except the string values of {@code BulkDataURI} members that hold ingest's
 * {@value InstanceMetadata#BULK_PREFIX} placeholders, which become this server's bulk data URLs. A
 * streaming parser only locates those values; no tree is built and no number is converted, so the
 * output keeps every digit and costs little more than a copy.
 */
final class MetadataWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private MetadataWriter() {}

  static void writeArray(OutputStream out, List<StoredMetadata> instances, DicomWebUrls urls) throws IOException {
    out.write('[');
    boolean first = true;
    for (StoredMetadata metadata : instances) {
      if (!first) {
        out.write(',');
      }
      first = false;
      copy(metadata, out, urls);
    }
    out.write(']');
  }

  private static void copy(StoredMetadata metadata, OutputStream out, DicomWebUrls urls) throws IOException {
    byte[] json = metadata.json();
    int copied = 0;
    try (JsonParser p = JSON.createParser(json)) {
      boolean bulkUri = false;
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (bulkUri && token == JsonToken.VALUE_STRING) {
          String text = p.getText();
          if (text.startsWith(InstanceMetadata.BULK_PREFIX)) {
            int start = (int) p.currentTokenLocation().getByteOffset();
            int end = (int) p.currentLocation().getByteOffset();
            out.write(json, copied, start - copied);
            StoredInstance instance = metadata.instance();
            writeString(out, urls.bulkData(instance.studyUid(), instance.seriesUid(), instance.sopInstanceUid(),
                text.substring(InstanceMetadata.BULK_PREFIX.length())));
            copied = end;
          }
        }
        bulkUri = token == JsonToken.FIELD_NAME && p.currentName().equals("BulkDataURI");
      }
    } catch (IOException e) {
      throw new StorageException("sealed metadata of " + metadata.instance().row().instanceId() + " is not JSON", e);
    }
    out.write(json, copied, json.length - copied);
  }

  /** A JSON string (RFC 8259 7): the URL's quotes, backslashes and control characters escaped. */
  private static void writeString(OutputStream out, String value) throws IOException {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    out.write(s.append('"').toString().getBytes(StandardCharsets.UTF_8));
  }
}
