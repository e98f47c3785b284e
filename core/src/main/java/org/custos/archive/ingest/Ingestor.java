package org.custos.archive.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.StorageErrors;
import org.custos.archive.StorageException;
import org.custos.archive.StripedLocks;
import org.custos.archive.blob.BlobId;
import org.custos.archive.blob.BlobWriter;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.seal.IdentitySeal;
import org.custos.archive.seal.PixelSeal;
import org.custos.archive.seal.Seals;
import org.custos.archive.seal.Sha256;
import org.custos.crypto.BlindIndexDomain;
import org.custos.crypto.BlobCipher;
import org.custos.crypto.BlobContext;
import org.custos.crypto.NewPatientKey;
import org.custos.crypto.PatientKey;
import org.custos.dicom.ChannelBulkDataSource;
import org.custos.dicom.DicomException;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomIoException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;

/**
 * One pass per instance: prescan the identifying header, then parse, seal (stored bytes) and
 * encrypt into an uncommitted blob at once; drop it if the same bytes are already stored, else
 * commit it (durable), take the pixel seal from the committed blob, and record everything in one
 * index transaction ({@link IngestRecorder}). Memory stays bounded: values above 64 KiB are never
 * held, pixel frames are decoded one at a time. Thread-safe.
 */
public final class Ingestor {
  private static final ReadOptions READ = ReadOptions.DEFAULT;

  private final ArchiveContext context;
  private final StripedLocks locks = new StripedLocks(256);
  private final IngestRecorder recorder;

  public Ingestor(ArchiveContext context) {
    this.context = context;
    this.recorder = new IngestRecorder(context);
  }

  /**
   * Stores one instance; returns only once it is durable.
   *
   * @throws InstanceRejectedException when the instance is malformed or lacks required UIDs
   * @throws StorageException when the blob store or index fails (nothing of the instance remains)
   */
  public IngestReceipt ingest(InputStream in, IngestSource source) {
    return stage(in, source).finish();
  }

  /**
   * The first half of {@link #ingest}: reads the instance from {@code in} to its end, validates,
   * seals and encrypts it into an uncommitted blob, and holds its ingest locks; {@link
   * StagedIngest#finish()}, on any thread, makes it durable and records it. A STOW-RS request
   * stages its next part while the previous one is being made durable. Until then nothing of the
   * instance is visible or durable; {@link StagedIngest#abandon()} drops it.
   *
   * @throws InstanceRejectedException when the instance is malformed or lacks required UIDs
   * @throws StorageException when the blob store or index fails (nothing of the instance remains)
   */
  public StagedIngest stage(InputStream in, IngestSource source) {
    try {
      PreambleGate.Gated gated = gate(in);
      BufferedInputStream buffered = new BufferedInputStream(gated.stream(), 64 * 1024);
      InstanceAttributes header = scan(buffered);
      byte[] identityToken = context.keys().token(BlindIndexDomain.PATIENT_IDENTITY, header.patient().identityKey());
      byte[] uidToken = context.keys().token(BlindIndexDomain.SOP_INSTANCE_UID, header.sopInstanceUid());
      boolean patientKnown = context.index().read(sess -> sess.patientByIdentity(identityToken)).isPresent();
      StripedLocks.Held held = patientKnown ? locks.lock(uidToken, uidToken) : locks.lock(identityToken, uidToken);
      boolean staged = false;
      try {
        StagedIngest result = new StagedIngest(stageLocked(buffered, gated.zeroed(), header, identityToken, uidToken,
            !patientKnown, source), held);
        staged = true;
        return result;
      } finally {
        if (!staged) {
          held.close(); // whatever failed (I/O included), the locks go with it
        }
      }
    } catch (SinkFailure e) {
      throw StorageErrors.of("writing the blob", e.getCause());
    } catch (IOException e) {
      throw StorageErrors.of("writing the blob", e);
    }
  }

  private static PreambleGate.Gated gate(InputStream in) {
    try {
      return PreambleGate.open(in);
    } catch (IOException e) {
      throw new SourceReadException("cannot read the instance from its source", e);
    }
  }

  private static InstanceAttributes scan(BufferedInputStream buffered) {
    try {
      return HeaderPrescan.scan(buffered);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("mark")) {
        throw new InstanceRejectedException(RejectReason.HEADER_TOO_LARGE,
            "the elements before Series Instance UID (0020,000E) exceed " + HeaderPrescan.LIMIT_BYTES + " bytes");
      }
      throw new SourceReadException("cannot read the instance from its source", e);
    }
  }

  /**
   * Runs holding the SOP Instance UID's stripe (one version sequence per instance), and the
   * patient's stripe too when the patient was new ({@code patientLocked}), so that concurrent first
   * instances create one patient key. A known patient needs no lock: its row is only read, and all
   * changes are recorded in one index transaction. Locking the patient for every instance would
   * serialise the whole ingest of a study that several clients send at once.
   */
  private StagedIngest.Completion stageLocked(BufferedInputStream in, boolean preambleZeroed,
      InstanceAttributes header, byte[] identityToken, byte[] uidToken, boolean patientLocked, IngestSource source)
      throws IOException {
    var known = context.index().read(s -> new Known(s.patientByIdentity(identityToken), s.instanceVersions(uidToken)));
    if (known.patient().isEmpty() && !patientLocked) {
      throw new StorageException("the patient was removed while the instance was stored (shredded concurrently?); "
          + "send it again");
    }
    PatientKey key;
    Optional<NewPatientKey> created = Optional.empty();
    if (known.patient().isPresent()) {
      key = context.keys().patientKey(known.patient().get());
    } else {
      created = Optional.of(context.keys().newPatientKey());
      key = created.get().key();
    }
    int version = known.versions().stream().mapToInt(InstanceRow::version).max().orElse(0) + 1;
    BlobContext blobContext = new BlobContext(context.archiveId(), header.sopInstanceUid(), version);
    BlobId blobId = BlobId.random();
    BlobWriter writer = context.blobs().create(blobId);
    try {
      MessageDigest digest = Sha256.newDigest();
      DicomFile parsed;
      long size;
      try (OutputStream encrypting = endsWithin(in, BlobCipher.SMALL_PLAINTEXT_BYTES)
          ? context.cipher().encryptSmall(writer.stream(), key, blobContext)
          : context.cipher().encrypt(writer.stream(), key, blobContext)) {
        TeeInputStream tee = new TeeInputStream(in, encrypting, digest);
        parsed = parse(tee);
        drain(tee);
        size = tee.count();
      }
      byte[] storedSeal = digest.digest();
      InstanceAttributes full = InstanceAttributes.of(parsed.dataSet());
      requireSameIdentity(header, full);
      Optional<InstanceRow> same = known.versions().stream()
          .filter(v -> MessageDigest.isEqual(v.storedSeal(), storedSeal)).findFirst();
      if (same.isPresent()) {
        writer.close();
        return StagedIngest.Completion.done(recorder.receiptOf(same.get(), IngestOutcome.ALREADY_PRESENT));
      }
      return new Pending(writer, new Staged(parsed, full, identityToken, uidToken, created, key, version, blobId,
          blobContext, size, storedSeal, preambleZeroed, header.patient().hasPatientId(), source));
    } catch (RuntimeException | Error | IOException e) {
      writer.close(); // uncommitted: discarded
      throw e;
    }
  }

  /** A staged instance: its blob written but not committed, its locks held by the caller. */
  private final class Pending implements StagedIngest.Completion {
    private final BlobWriter writer;
    private final Staged staged;

    Pending(BlobWriter writer, Staged staged) {
      this.writer = writer;
      this.staged = staged;
    }

    @Override
    public IngestReceipt finish() {
      try {
        writer.commit();
      } finally {
        writer.close();
      }
      return recordCommitted(staged);
    }

    @Override
    public void abandon() {
      writer.close();
    }
  }

  /** Seals the pixels of a committed blob and records the instance; deletes the blob if that fails. */
  private IngestReceipt recordCommitted(Staged staged) {
    DicomFile parsed = staged.parsed();
    BlobId blobId = staged.blobId();
    // A new patient's key is not in the index until the transaction commits: the pixel seal's
    // read-back resolves it from the cache.
    staged.created().ifPresent(c -> context.keys().remember(c.key().id(), c.key()));
    // One decrypting channel for all frames: Tink's seekable channel keeps the segment it last
    // decrypted, so frames read in order cost one decryption per segment, not one per frame.
    try (SeekableByteChannel channel = context.cipher().decryptSeekable(context.blobs().openChannel(blobId),
        context.keys(), staged.blobContext())) {
      ChannelBulkDataSource stored = new ChannelBulkDataSource(() -> new UnclosableChannel(channel),
          parsed.dataSetOffset());
      PixelModuleCheck.check(parsed.dataSet(), parsed.transferSyntax(), stored);
      PixelSeal.Result pixel = PixelSeal.compute(parsed.dataSet(), parsed.transferSyntax(), stored);
      Seals seals = new Seals(staged.storedSeal(), pixel.seal(), pixel.kind(), IdentitySeal.of(parsed.dataSet()));
      List<String> warnings = new ArrayList<>();
      pixel.note().ifPresent(warnings::add);
      if (staged.preambleZeroed()) {
        warnings.add("the non-zero preamble was zeroed (not a TIFF header)");
      }
      if (!staged.hasPatientId()) {
        warnings.add("no Patient ID: the patient is identified by name and birth date");
      }
      return recorder.record(new IngestRecorder.Stored(parsed, staged.attributes(), staged.identityToken(),
          staged.uidToken(), staged.created(), staged.key(), staged.version(), blobId, staged.sizeBytes(), seals,
          staged.preambleZeroed(), staged.source(), warnings));
    } catch (RuntimeException e) {
      deleteQuietly(blobId, e);
      throw e;
    } catch (IOException e) {
      StorageException failure = StorageErrors.of("reading the committed blob back", e);
      deleteQuietly(blobId, failure);
      throw failure;
    }
  }

  /**
   * Whether the instance ends within {@code limit} bytes from here: reads ahead into the buffer
   * (at most limit + 1 bytes) and resets, so nothing is consumed. The size is not known in advance
   * for a stream (STOW-RS parts, C-STORE), and the blob's segment size must be chosen before the
   * first byte is encrypted.
   */
  private static boolean endsWithin(BufferedInputStream in, long limit) throws IOException {
    in.mark((int) limit + 1);
    try {
      long seen = 0;
      while (seen <= limit) {
        long skipped = in.skip(limit + 1 - seen);
        if (skipped > 0) {
          seen += skipped;
        } else if (in.read() < 0) {
          return true;
        } else {
          seen++;
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  private DicomFile parse(InputStream tee) {
    try {
      return DicomReader.read(tee, READ);
    } catch (DicomIoException e) {
      throw new SourceReadException("cannot read the instance from its source", e);
    } catch (DicomException e) {
      throw new InstanceRejectedException(RejectReason.MALFORMED, e.getMessage(), e);
    }
  }

  private static void drain(TeeInputStream tee) {
    try {
      long trailing = tee.drain();
      if (trailing > 0) {
        throw new InstanceRejectedException(RejectReason.MALFORMED, trailing + " bytes follow the end of the data set");
      }
    } catch (IOException e) {
      throw new SourceReadException("cannot read the instance from its source", e);
    }
  }

  private static void requireSameIdentity(InstanceAttributes header, InstanceAttributes full) {
    if (!header.sopInstanceUid().equals(full.sopInstanceUid()) || !header.patient().equals(full.patient())) {
      throw new InstanceRejectedException(RejectReason.MALFORMED, "the identifying elements changed between the "
          + "header read-ahead and the full parse (duplicate elements?)");
    }
  }

  private void deleteQuietly(BlobId blobId, RuntimeException cause) {
    try {
      context.blobs().delete(blobId);
    } catch (RuntimeException e) {
      cause.addSuppressed(e); // the startup sweep removes what is left
    }
  }

  private record Known(Optional<PatientRow> patient, List<InstanceRow> versions) {}

  /** What the first pass learnt about an instance whose blob is written but not yet committed. */
  private record Staged(DicomFile parsed, InstanceAttributes attributes, byte[] identityToken, byte[] uidToken,
      Optional<NewPatientKey> created, PatientKey key, int version, BlobId blobId, BlobContext blobContext,
      long sizeBytes, byte[] storedSeal, boolean preambleZeroed, boolean hasPatientId, IngestSource source) {}

}
