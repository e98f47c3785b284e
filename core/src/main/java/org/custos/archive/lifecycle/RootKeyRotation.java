package org.custos.archive.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.custos.archive.ArchiveContext;
import org.custos.archive.index.ArchiveEvent;
import org.custos.archive.index.PatientRow;
import org.custos.archive.keys.ArchiveKeys;
import org.custos.archive.keys.WrappedKeyCodec;
import org.custos.archive.log.LogEntries;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;

/**
 * Online root-key rotation: a new root version becomes current, every patient key and the
 * service keys are re-wrapped under it in batches (one transaction per batch, so ingest goes on
 * between them), and old versions that nothing uses any more are retired. No blob is rewritten:
 * blobs hold data keys wrapped by patient keys, which do not change.
 */
public final class RootKeyRotation {
  static final int BATCH = 1000;

  /** What a rotation did. */
  public record Result(KeyVersion newVersion, long patientKeysRewrapped, List<KeyVersion> retired, Duration elapsed) {}

  private final ArchiveContext context;

  public RootKeyRotation(ArchiveContext context) {
    this.context = context;
  }

  public Result rotate(LongConsumer progress) {
    long start = System.nanoTime();
    KeyHierarchy hierarchy = context.keys().hierarchy();
    Optional<KeyVersion> previous = Optional.of(hierarchy.root().current());
    KeyVersion next = hierarchy.root().rotate();
    long done = 0;
    while (true) {
      int rewrapped = context.index().write(session -> {
        List<PatientRow> batch = session.patientsNotWrappedBy(next, BATCH);
        for (PatientRow row : batch) {
          WrappedKey old = row.wrappedKey().orElseThrow();
          session.updatePatientKey(row.patientId(), hierarchy.rewrap(row.patientId(), old));
        }
        return batch.size();
      });
      done += rewrapped;
      progress.accept(done);
      if (rewrapped == 0) {
        break;
      }
    }
    context.index().write(session -> {
      WrappedKey service = WrappedKeyCodec.decode(session.setting(ArchiveKeys.SERVICE_KEYS).orElseThrow());
      session.putSetting(ArchiveKeys.SERVICE_KEYS, WrappedKeyCodec.encode(hierarchy.rewrapServiceKeys(service)));
      WrappedKey log = WrappedKeyCodec.decode(session.setting(ArchiveKeys.LOG_KEYS).orElseThrow());
      session.putSetting(ArchiveKeys.LOG_KEYS, WrappedKeyCodec.encode(hierarchy.rewrapLogKeys(log)));
      context.log().appender().appendUnderLogKey(session, Optional.empty(),
          LogEntries.keyRotated(context.clock().instant(), previous.map(Object::toString).orElse("-"), next.toString()));
      session.recordEvent(ArchiveEvent.of(context.clock().instant(), ArchiveEvent.Kind.ROOT_KEY_ROTATED,
          next.toString(), "patient keys re-wrapped"));
      return null;
    });
    List<KeyVersion> retired = retireUnused(next);
    context.keys().forgetAll();
    return new Result(next, done, retired, Duration.ofNanos(System.nanoTime() - start));
  }

  private List<KeyVersion> retireUnused(KeyVersion current) {
    List<KeyVersion> retired = new java.util.ArrayList<>();
    for (KeyVersion version : context.keys().hierarchy().root().versions()) {
      if (version.equals(current)) {
        continue;
      }
      long users = context.index().read(session -> session.countPatientsWrappedBy(version));
      if (users == 0) {
        context.keys().hierarchy().root().retire(version);
        context.index().write(session -> session.recordEvent(ArchiveEvent.of(context.clock().instant(),
            ArchiveEvent.Kind.ROOT_KEY_RETIRED, version.toString(), "no key is wrapped by it any more")));
        retired.add(version);
      }
    }
    return retired;
  }
}
