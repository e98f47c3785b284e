package org.custos.archive.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.custos.archive.ArchiveContext;
import org.custos.archive.ArchiveException;
import org.custos.archive.NotFoundException;
import org.custos.archive.blob.BlobInfo;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.retrieve.Retriever;
import org.custos.crypto.CryptoException;

/**
 * Re-reads every stored version: opens its metadata, decrypts its blob and compares length and
 * SHA-256 with the index, then looks for blobs no row refers to, then checks the transparency log
 * ({@link LogVerifier}). Reads, never repairs. Rows are
 * visited by id in batches, so memory holds ids, not rows. Thread-safe (one run per call).
 */
public final class Verifier {
  private final ArchiveContext context;
  private final Retriever retriever;

  public Verifier(ArchiveContext context, Retriever retriever) {
    this.context = context;
    this.retriever = retriever;
  }

  /** @param progress told the bytes of each version checked (for a progress bar) */
  public VerifyReport verify(Consumer<Long> progress) {
    long start = System.nanoTime();
    List<String> ids = new ArrayList<>();
    context.index().read(session -> {
      session.forEachInstance(row -> ids.add(row.instanceId()));
      return null;
    });
    List<VerifyProblem> problems = new ArrayList<>();
    long bytes = 0;
    long shredded = 0;
    for (String id : ids) {
      Optional<InstanceRow> row = context.index().read(session -> session.instance(id));
      if (row.isEmpty()) {
        continue; // deleted while verifying
      }
      Optional<PatientRow> patient = context.index().read(session -> session.patient(row.get().patientId()));
      if (patient.isEmpty() || patient.get().shredded().isPresent()) {
        shredded++;
        continue;
      }
      long read = check(row.get(), problems);
      bytes += read;
      progress.accept(read);
    }
    problems.addAll(orphans());
    problems.addAll(new LogVerifier(context).verify());
    return new VerifyReport(ids.size() - shredded, bytes, Duration.ofNanos(System.nanoTime() - start), shredded, problems);
  }

  private long check(InstanceRow row, List<VerifyProblem> problems) {
    if (!context.blobs().exists(row.blobId())) {
      problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.MISSING_BLOB, "blob " + row.blobId() + " is missing"));
      return 0;
    }
    String uid;
    try {
      uid = retriever.sopInstanceUid(row);
    } catch (ArchiveException | CryptoException e) {
      problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.METADATA_UNREADABLE, e.getMessage()));
      return 0;
    }
    try (InputStream in = retriever.open(row, uid)) {
      return in.transferTo(OutputStream.nullOutputStream());
    } catch (NotFoundException e) {
      problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.MISSING_BLOB, e.getMessage()));
    } catch (ArchiveException | CryptoException | IOException e) {
      problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.SEAL_MISMATCH, e.getMessage()));
    }
    return 0;
  }

  private List<VerifyProblem> orphans() {
    List<VerifyProblem> found = new ArrayList<>();
    try (Stream<BlobInfo> blobs = context.blobs().list()) {
      blobs.forEach(blob -> {
        if (!context.index().read(session -> session.blobReferenced(blob.id()))) {
          found.add(new VerifyProblem("-", VerifyProblem.Kind.ORPHAN_BLOB, "blob " + blob.id() + " is in no index row"));
        }
      });
    }
    return found;
  }

}
