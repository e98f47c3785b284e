package org.custos.server.dicomweb;

import java.util.Objects;

/** A stored instance with its sealed DICOM JSON, opened (PHI: never logged; {@code toString} hides it). */
public record StoredMetadata(StoredInstance instance, byte[] json) {
  public StoredMetadata {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(json, "json");
  }

  @Override
  public String toString() {
    return "StoredMetadata[" + instance.row().instanceId() + ", " + json.length + " bytes]";
  }
}
