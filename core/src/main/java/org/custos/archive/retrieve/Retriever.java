package org.custos.archive.retrieve;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.ingest.InstanceMetadata;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.BlobContext;
import org.custos.crypto.IntegrityException;
import org.custos.crypto.PatientKey;
import org.custos.dicom.dictionary.Tags;

/**
 * Reads stored instance versions back (DESIGN.md "Retrieval"): finds the row, opens the patient
 * key, decrypts the blob as a stream and checks the stored-bytes seal as it streams. Any failure
 * to authenticate or match is an {@link IntegrityFailureException} and an INTEGRITY_FAILURE event.
 * Thread-safe.
 */
public final class Retriever {
  private final ArchiveContext context;

  public Retriever(ArchiveContext context) {
    this.context = context;
  }

  /** Every stored version of the instance, oldest first. */
  public List<InstanceRow> versions(String sopInstanceUid) {
    byte[] token = context.keys().token(BlindIndexDomain.SOP_INSTANCE_UID, sopInstanceUid);
    return context.index().read(session -> session.instanceVersions(token));
  }

  /** The current version. */
  public Optional<InstanceRow> current(String sopInstanceUid) {
    return versions(sopInstanceUid).stream().filter(InstanceRow::current).findFirst();
  }

  /** Decrypted bytes of the current version, seal-checked while read. */
  public InputStream open(String sopInstanceUid) {
    InstanceRow row = current(sopInstanceUid).orElseThrow(() -> new NotFoundException("no such instance"));
    return open(row, sopInstanceUid);
  }

  /** Decrypted bytes of a given version, seal-checked while read; the caller closes the stream. */
  public InputStream open(InstanceRow row, String sopInstanceUid) {
    BlobContext blobContext = new BlobContext(context.archiveId(), sopInstanceUid, row.version());
    InputStream blob = context.blobs().open(row.blobId());
    try {
      InputStream plain = context.cipher().decrypt(blob, context.keys(), blobContext);
      return new SealCheckingInputStream(plain, row.storedSeal(), row.storedSizeBytes(), row.instanceId(),
          message -> recordFailure(row, message));
    } catch (IntegrityException e) {
      closeQuietly(blob);
      String message = "instance " + row.instanceId() + ": the blob header does not authenticate";
      recordFailure(row, message);
      throw new IntegrityFailureException(message, e);
    } catch (RuntimeException e) {
      closeQuietly(blob);
      throw e;
    }
  }

  /** Random access to the plaintext of a version (frames); segments are authenticated as read. */
  public SeekableByteChannel openChannel(InstanceRow row, String sopInstanceUid) {
    BlobContext blobContext = new BlobContext(context.archiveId(), sopInstanceUid, row.version());
    return context.cipher().decryptSeekable(context.blobs().openChannel(row.blobId()), context.keys(), blobContext);
  }

  /** The SOP Instance UID of a row, from its sealed metadata. */
  public String sopInstanceUid(InstanceRow row) {
    return InstanceMetadata.firstValue(metadata(row), Tags.SOPInstanceUID)
        .orElseThrow(() -> new IntegrityFailureException("instance " + row.instanceId() + ": metadata lacks its UID"));
  }

  /** The sealed DICOM JSON metadata of a row, opened. */
  public byte[] metadata(InstanceRow row) {
    PatientRow patient = context.index().read(session -> session.patient(row.patientId()))
        .orElseThrow(() -> new NotFoundException("no patient " + row.patientId()));
    PatientKey key = context.keys().patientKey(patient);
    return InstanceMetadata.open(key, row);
  }

  void recordFailure(InstanceRow row, String message) {
    context.index().write(session -> session.recordEvent(
        ArchiveEvent.of(context.clock().instant(), ArchiveEvent.Kind.INTEGRITY_FAILURE, row.instanceId(), message)));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (java.io.IOException ignored) {
      // already failing
    }
  }
}
