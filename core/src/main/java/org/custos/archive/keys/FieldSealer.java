package org.custos.archive.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.custos.archive.StorageException;
import org.custos.crypto.PatientKey;

/**
 * Seals index fields under a patient key: a map of attributes as JSON, or raw bytes, encrypted
 * with AEAD whose associated data is {@code custos-index/1 | table | row id | column}, so a
 * sealed value copied into another row or column fails to open. Thread-safe.
 */
public final class FieldSealer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

  private FieldSealer() {}

  public static byte[] sealMap(PatientKey key, String table, String rowId, String column, Map<String, String> values) {
    try {
      return seal(key, table, rowId, column, JSON.writeValueAsBytes(new TreeMap<>(values)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode index attributes", e);
    }
  }

  public static Map<String, String> openMap(PatientKey key, String table, String rowId, String column, byte[] sealed) {
    try {
      return JSON.readValue(open(key, table, rowId, column, sealed), MAP);
    } catch (java.io.IOException e) {
      throw new StorageException("sealed " + table + "." + column + " of " + rowId + " is not valid JSON", e);
    }
  }

  public static byte[] seal(PatientKey key, String table, String rowId, String column, byte[] plaintext) {
    return key.seal(plaintext, associatedData(table, rowId, column));
  }

  /** @throws org.custos.crypto.IntegrityException when the value was altered or moved */
  public static byte[] open(PatientKey key, String table, String rowId, String column, byte[] sealed) {
    return key.open(sealed, associatedData(table, rowId, column));
  }

  private static byte[] associatedData(String table, String rowId, String column) {
    return ("custos-index/1\0" + table + '\0' + rowId + '\0' + column).getBytes(StandardCharsets.UTF_8);
  }
}
