package org.custos.server.dicomweb.stow;

import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.custos.archive.Archive;
import org.custos.archive.StorageException;
import org.custos.archive.StorageFullException;
import org.custos.archive.ingest.HeaderPrescan;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.ingest.InstanceAttributes;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.StagedIngest;
import org.custos.dicom.TransferSyntax;
import org.custos.server.auth.Principal;
import org.custos.server.dicomweb.multipart.MediaType;
import org.custos.server.dicomweb.multipart.MultipartException;
import org.custos.server.dicomweb.multipart.MultipartReader;
import org.custos.server.dicomweb.multipart.Part;
import org.custos.server.dicomweb.multipart.SizeLimitedInputStream;
import org.custos.server.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One STOW-RS request, part by part. The request is refused as a whole (4xx, JSON error) when its
 * media type is not {@code multipart/related; type="application/dicom"} (415), when its Accept
 * excludes DICOM JSON (406), when the body is larger than the limit (413, before reading when
 * Content-Length says so) or when the multipart framing is broken (400). Otherwise every part is
 * an instance of its own: its identifying header is read ahead (UIDs for the answer; an instance
 * of another study than the target URI's is refused before anything is written), then the same
 * bytes stream into the archive, which stores the instance whole or not at all. A bad part fails
 * that instance only.
 *
 * <p>A framing error after some parts were stored answers 4xx too; the instances stored before it
 * stay (each is complete and sealed), and the detail says how many. Sending the request again is
 * safe: an identical instance is recognised, not stored twice.
 */
final class StoreTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(StoreTransaction.class);
  private static final String TRANSPORT = "stow-rs";

  /** Instances of one request being made durable while the next part is read. */
  private static final int IN_FLIGHT = 4;

  private final Archive archive;
  private final long maxRequestBytes;
  private final ExecutorService finishers = newFinishers();

  StoreTransaction(Archive archive, long maxRequestBytes) {
    this.archive = archive;
    this.maxRequestBytes = maxRequestBytes;
  }

  void handle(Context ctx, Principal caller, Optional<String> targetStudy) throws IOException {
    targetStudy.ifPresent(StoreTransaction::checkUid);
    checkAccept(ctx.header("Accept"));
    String boundary = boundaryOf(ctx.header("Content-Type"));
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxRequestBytes) {
      throw new ApiException(413, "body-too-large", "the body of " + declared + " bytes is larger than the limit of "
          + maxRequestBytes + " bytes (server.stow.max-request-bytes)");
    }
    SizeLimitedInputStream body = new SizeLimitedInputStream(ctx.req().getInputStream(), maxRequestBytes);
    MultipartReader reader = new MultipartReader(body, boundary);
    IngestSource source = new IngestSource(TRANSPORT, caller.name());
    List<CompletableFuture<InstanceOutcome>> pending = new ArrayList<>();
    List<InstanceOutcome> outcomes;
    try {
      Optional<Part> part;
      while ((part = reader.next()).isPresent()) {
        limitInFlight(pending);
        pending.add(store(part.get(), targetStudy, source, reader));
      }
      outcomes = joinAll(pending);
    } catch (MultipartException e) {
      throw withCount(e, joinAll(pending));
    } catch (IOException | RuntimeException | Error e) {
      awaitAll(pending); // the whole instances before the failure are stored before the request fails
      throw e;
    }
    if (outcomes.isEmpty()) {
      throw new ApiException(400, "no-instances", "the multipart body holds no parts");
    }
    StoreResponse response = new StoreResponse(outcomes, baseUrl(ctx), targetStudy);
    ctx.status(response.status());
    response.warningHeaders().forEach(line -> ctx.res().addHeader("Warning", line));
    ctx.contentType(StoreResponse.MEDIA_TYPE);
    ctx.result(response.json());
  }

  private record Staged(int number, InstanceAttributes uids, StagedIngest ingest) {}

  private static InstanceOutcome finish(Staged staged) {
    int number = staged.number();
    Optional<InstanceAttributes> uids = Optional.of(staged.uids());
    try {
      IngestReceipt receipt = staged.ingest().finish();
      return new InstanceOutcome.Stored(number, staged.uids(), WarningReason.of(receipt));
    } catch (InstanceRejectedException e) {
      return new InstanceOutcome.Failed(number, uids, FailureReason.of(e), e.getMessage());
    } catch (StorageFullException e) {
      return new InstanceOutcome.Failed(number, uids, FailureReason.OUT_OF_RESOURCES, "the archive's storage is full");
    } catch (StorageException e) {
      LOG.warn("STOW-RS part {}: storage failed: {}", number, e.getMessage());
      return new InstanceOutcome.Failed(number, uids, FailureReason.PROCESSING_FAILURE, "the archive's storage failed");
    } catch (RuntimeException e) {
      LOG.error("STOW-RS part {}: unexpected failure", number, e);
      return new InstanceOutcome.Failed(number, uids, FailureReason.PROCESSING_FAILURE,
          "unexpected failure while storing");
    }
  }

  /**
   * Reads one part to its end and stages it on this thread; the rest (blob commit, pixel seal,
   * index) runs on a finishing thread while the next part is read, or on this one when all are
   * busy. The future never fails: every failure is the instance's outcome.
   */
  private CompletableFuture<InstanceOutcome> store(Part part, Optional<String> targetStudy, IngestSource source,
      MultipartReader reader) throws IOException {
    int number = part.number();
    Optional<InstanceOutcome.Failed> refused = checkPartType(part);
    if (refused.isPresent()) {
      return CompletableFuture.completedFuture(refused.get());
    }
    BufferedInputStream in = new BufferedInputStream(part.body(), 64 * 1024);
    InstanceAttributes uids;
    try {
      uids = HeaderPrescan.scan(in);
    } catch (InstanceRejectedException e) {
      rethrowFramingError(reader);
      return failed(number, Optional.empty(), FailureReason.of(e), e.getMessage());
    } catch (IOException | RuntimeException e) {
      rethrowFramingError(reader);
      if (e instanceof IOException io && !(e.getMessage() != null && e.getMessage().contains("mark"))) {
        throw io;
      }
      return failed(number, Optional.empty(), FailureReason.CANNOT_UNDERSTAND,
          "the header could not be read: " + e.getClass().getSimpleName());
    }
    if (targetStudy.isPresent() && !targetStudy.get().equals(uids.studyInstanceUid())) {
      return failed(number, Optional.of(uids), FailureReason.STUDY_INSTANCE_UID_MISMATCH,
          "the instance belongs to another study than the one in the request URI");
    }
    try {
      Staged staged = new Staged(number, uids, archive.stage(in, source));
      return CompletableFuture.supplyAsync(() -> finish(staged), finishers);
    } catch (InstanceRejectedException e) {
      rethrowFramingError(reader);
      return failed(number, Optional.of(uids), FailureReason.of(e), e.getMessage());
    } catch (StorageFullException e) {
      return failed(number, Optional.of(uids), FailureReason.OUT_OF_RESOURCES,
          "the archive's storage is full");
    } catch (StorageException e) {
      rethrowFramingError(reader);
      LOG.warn("STOW-RS part {}: storage failed: {}", number, e.getMessage());
      return failed(number, Optional.of(uids), FailureReason.PROCESSING_FAILURE,
          "the archive's storage failed");
    } catch (RuntimeException e) {
      rethrowFramingError(reader);
      if (e instanceof org.custos.archive.ingest.SourceReadException) {
        throw new IOException("the request body could not be read", e);
      }
      LOG.error("STOW-RS part {}: unexpected failure", number, e);
      return failed(number, Optional.of(uids), FailureReason.PROCESSING_FAILURE,
          "unexpected failure while storing");
    }
  }

  private static CompletableFuture<InstanceOutcome> failed(int number, Optional<InstanceAttributes> uids,
      FailureReason reason, String detail) {
    return CompletableFuture.completedFuture(new InstanceOutcome.Failed(number, uids, reason, detail));
  }

  /** At most {@value #IN_FLIGHT} instances of a request are being finished: waits for the oldest. */
  private static void limitInFlight(List<CompletableFuture<InstanceOutcome>> pending) {
    long running = pending.stream().filter(f -> !f.isDone()).count();
    if (running >= IN_FLIGHT) {
      pending.stream().filter(f -> !f.isDone()).findFirst().ifPresent(CompletableFuture::join);
    }
  }

  /** Every outcome, in part order, once all parts are done (a part failing with an Error fails the request). */
  private static List<InstanceOutcome> joinAll(List<CompletableFuture<InstanceOutcome>> pending) {
    awaitAll(pending);
    return pending.stream().map(CompletableFuture::join).toList();
  }

  /** Waits until every part is stored or failed, whatever any of them threw. */
  private static void awaitAll(List<CompletableFuture<InstanceOutcome>> pending) {
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
  }

  /** Daemon threads that finish staged instances; when all are busy the request's thread does it. */
  private static ExecutorService newFinishers() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "stow-finish-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * A part may fail inside the archive because the multipart framing broke while it was read
   * (the archive wraps the reader's error): that is the request's failure, not the instance's.
   */
  private static void rethrowFramingError(MultipartReader reader) throws IOException {
    Optional<IOException> failure = reader.failure();
    if (failure.isPresent()) {
      throw failure.get();
    }
  }

  private static MultipartException withCount(MultipartException e, List<InstanceOutcome> outcomes) {
    long stored = outcomes.stream().filter(o -> o instanceof InstanceOutcome.Stored).count();
    if (stored == 0) {
      return e;
    }
    return new MultipartException(e.kind(), e.offset(), e.getMessage().replaceFirst(" \\(at byte \\d+ of the body\\)$", "")
        + "; " + stored + " instance(s) before it were stored completely, and sending the request again is safe");
  }

  /** Empty for an application/dicom part (or one without a Content-Type, as the request's type says); else why not. */
  private static Optional<InstanceOutcome.Failed> checkPartType(Part part) {
    Optional<String> header = part.header("Content-Type");
    if (header.isEmpty()) {
      return Optional.empty();
    }
    MediaType type;
    try {
      type = MediaType.parse(header.get());
    } catch (IllegalArgumentException e) {
      return Optional.of(new InstanceOutcome.Failed(part.number(), Optional.empty(), FailureReason.CANNOT_UNDERSTAND,
          "the part's Content-Type is not a media type"));
    }
    if (!type.essence().equals("application/dicom")) {
      return Optional.of(new InstanceOutcome.Failed(part.number(), Optional.empty(), FailureReason.CANNOT_UNDERSTAND,
          "the part is " + type.essence() + ", not application/dicom"));
    }
    Optional<String> syntax = type.parameter("transfer-syntax");
    if (syntax.isPresent() && !syntax.get().equals("*") && TransferSyntax.of(syntax.get()).isEmpty()) {
      return Optional.of(new InstanceOutcome.Failed(part.number(), Optional.empty(),
          FailureReason.TRANSFER_SYNTAX_NOT_SUPPORTED, "the part's transfer-syntax is not one this archive reads"));
    }
    return Optional.empty();
  }

  private static String boundaryOf(String contentType) {
    String expected = "STOW-RS takes Content-Type: multipart/related; type=\"application/dicom\"; boundary=...";
    if (contentType == null || contentType.isBlank()) {
      throw new ApiException(415, "unsupported-media-type", "no Content-Type: " + expected);
    }
    MediaType type;
    try {
      type = MediaType.parse(contentType);
    } catch (IllegalArgumentException e) {
      throw new ApiException(415, "unsupported-media-type", "the Content-Type is not a valid media type ("
          + e.getMessage() + "): " + expected);
    }
    if (!type.essence().equals("multipart/related")) {
      throw new ApiException(415, "unsupported-media-type", "the Content-Type is " + type.essence() + ": " + expected);
    }
    Optional<String> partType = type.parameter("type").map(t -> t.strip().toLowerCase(java.util.Locale.ROOT));
    if (partType.isEmpty()) {
      throw new ApiException(415, "unsupported-media-type", "multipart/related without a type parameter: " + expected);
    }
    if (!partType.get().equals("application/dicom")) {
      throw new ApiException(415, "unsupported-media-type", "parts of type " + partType.get().replaceAll("[^a-z0-9+./-]", "?")
          + " are not supported (metadata with bulk data, application/dicom+json, is not yet): " + expected);
    }
    String boundary = type.parameter("boundary").orElseThrow(() -> new ApiException(400, "malformed-multipart",
        "the Content-Type has no boundary parameter"));
    try {
      MultipartReader.checkBoundary(boundary);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "malformed-multipart", e.getMessage());
    }
    return boundary;
  }

  /**
   * The response is DICOM JSON; an Accept that allows neither it nor JSON nor anything is refused,
   * and so is a range with {@code q=0}, which RFC 9110 12.5.1 defines as "not acceptable".
   */
  private static void checkAccept(String accept) {
    if (accept == null || accept.isBlank()) {
      return;
    }
    for (String range : accept.split(",")) {
      String[] pieces = range.split(";");
      String essence = pieces[0].strip().toLowerCase(java.util.Locale.ROOT);
      boolean refused = java.util.Arrays.stream(pieces).skip(1)
          .anyMatch(p -> p.strip().matches("[qQ]\\s*=\\s*0(\\.0{0,3})?"));
      if (!refused && (essence.equals("application/dicom+json") || essence.equals("application/json")
          || essence.equals("*/*") || essence.equals("application/*"))) {
        return;
      }
    }
    throw new ApiException(406, "not-acceptable", "the Accept header excludes application/dicom+json: STOW-RS "
        + "answers in application/dicom+json only (application/dicom+xml is not supported)");
  }

  private static void checkUid(String uid) {
    if (uid.length() > 64 || !uid.matches("[0-9]+(\\.[0-9]+)*")) {
      throw new ApiException(400, "invalid-uid", "the study in the URI is not a valid UID (PS3.5 9.1: digits and "
          + "dots, at most 64 characters)");
    }
  }

  /** Scheme and authority the client used, for absolute Retrieve URLs; localhost if the Host header is odd. */
  private static String baseUrl(Context ctx) {
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
      host = "localhost";
    }
    return ctx.scheme() + "://" + host;
  }
}
