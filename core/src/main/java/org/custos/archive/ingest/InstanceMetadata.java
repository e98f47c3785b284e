package org.custos.archive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custos.archive.StorageException;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.keys.FieldSealer;
import org.custos.crypto.PatientKey;
import org.custos.dicom.DataSet;
import org.custos.dicom.json.DicomJsonWriter;
import org.custos.dicom.json.JsonOptions;

/**
 * The DICOM JSON (PS3.18 F.2) of an instance's data set as kept (sealed) in the index, so that
 * metadata answers never read a blob. Values above 1 KiB are written as a BulkDataURI placeholder
 * {@value #BULK_PREFIX}{@code <element path>} that the web layer turns into a URL.
 */
public final class InstanceMetadata {
  public static final String BULK_PREFIX = "custos-bulk:";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonOptions OPTIONS = JsonOptions.DEFAULT.withBulkDataThresholdBytes(1024)
      .withUris(site -> Optional.of(BULK_PREFIX + site.path()));

  private InstanceMetadata() {}

  public static byte[] json(DataSet dataSet) {
    return DicomJsonWriter.toJson(dataSet, OPTIONS).getBytes(StandardCharsets.UTF_8);
  }

  /** Opens the sealed metadata of an instance row. */
  public static byte[] open(PatientKey key, InstanceRow row) {
    return FieldSealer.open(key, "instances", row.instanceId(), "metadata", row.metadataSealed());
  }

  /** The first value of a text attribute in DICOM JSON (e.g. SOP Instance UID), empty when absent. */
  public static Optional<String> firstValue(byte[] json, int tag) {
    try {
      JsonNode value = JSON.readTree(json).path(String.format("%08X", tag)).path("Value").path(0);
      return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    } catch (IOException e) {
      throw new StorageException("sealed instance metadata is not valid JSON", e);
    }
  }
}
