package org.custos.archive.index;

import java.time.Instant;
import java.util.Optional;
import org.custos.archive.blob.BlobId;

/**
 * One stored version of an instance. Versions of the same SOP Instance UID share
 * {@code uidToken}; exactly one of them is {@code current}. The three seals are SHA-256 values
 * (docs/formats/seals.md); {@code metadataSealed} is the DICOM JSON of everything but bulk data,
 * sealed under the patient key, so metadata answers never open the blob.
 */
public record InstanceRow(
    String instanceId,
    String seriesId,
    String studyId,
    String patientId,
    byte[] uidToken,
    int version,
    boolean current,
    BlobId blobId,
    long storedSizeBytes,
    byte[] storedSeal,
    Optional<byte[]> pixelSeal,
    String pixelSealKind,
    byte[] identitySeal,
    String sopClassUid,
    String transferSyntaxUid,
    boolean preambleZeroed,
    String source,
    byte[] metadataSealed,
    Instant stored) {

  @Override
  public String toString() {
    return "InstanceRow[" + instanceId + " v" + version + (current ? ", current" : "") + "]";
  }
}
