package org.custos.server.dicomweb.wado;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.server.dicomweb.DicomWebUrls;
import org.custos.server.dicomweb.StoredMetadata;

/**
 * Writes the metadata of instances as one DICOM JSON array (PS3.18 10.4.1.1.2, F.2), streaming:
 * each instance's sealed JSON is copied token by token, exactly (numbers keep every digit), with
 * ingest's {@value InstanceMetadata#BULK_PREFIX} placeholders replaced by this server's bulk data
 * URLs. No tree is built.
 */
final class MetadataWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private MetadataWriter() {}

  static void writeArray(OutputStream out, List<StoredMetadata> instances, DicomWebUrls urls) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (StoredMetadata metadata : instances) {
        copy(metadata, g, urls);
      }
      g.writeEndArray();
    }
  }

  private static void copy(StoredMetadata metadata, JsonGenerator g, DicomWebUrls urls) throws IOException {
    try (JsonParser p = JSON.createParser(metadata.json())) {
      boolean bulkUri = false;
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (bulkUri && token == JsonToken.VALUE_STRING && p.getText().startsWith(InstanceMetadata.BULK_PREFIX)) {
          var instance = metadata.instance();
          g.writeString(urls.bulkData(instance.studyUid(), instance.seriesUid(), instance.sopInstanceUid(),
              p.getText().substring(InstanceMetadata.BULK_PREFIX.length())));
        } else {
          g.copyCurrentEventExact(p);
        }
        bulkUri = token == JsonToken.FIELD_NAME && p.currentName().equals("BulkDataURI");
      }
    }
  }
}
