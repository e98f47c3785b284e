package org.custos.server.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.custos.archive.Archive;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.archive.ingest.SourceReadException;

/**
 * Ingests items one by one and tallies the outcome. A rejected or unreadable file is recorded and
 * the import goes on; a storage failure (full disk, index down) stops it at once, since every
 * further file would fail the same way. Each outcome is reported to {@code listener} only after
 * the archive acknowledged it (durable).
 */
public final class Importer {
  /** One file's outcome, as it happens. */
  public record Event(ImportItem item, java.util.Optional<IngestReceipt> receipt, java.util.Optional<String> rejection) {}

  private final Archive archive;
  private final IngestSource source;

  public Importer(Archive archive, IngestSource source) {
    this.archive = archive;
    this.source = source;
  }

  public ImportTally run(List<ImportItem> items, Consumer<Event> listener) {
    ImportTally tally = new ImportTally();
    for (ImportItem item : items) {
      try (InputStream in = item.open()) {
        IngestReceipt receipt = archive.ingest(in, source);
        switch (receipt.outcome()) {
          case STORED -> tally.stored(receipt.storedSizeBytes());
          case ALREADY_PRESENT -> tally.alreadyPresent(receipt.storedSizeBytes());
          case NEW_VERSION -> tally.newVersion(receipt.storedSizeBytes());
        }
        listener.accept(new Event(item, java.util.Optional.of(receipt), java.util.Optional.empty()));
      } catch (InstanceRejectedException e) {
        reject(tally, listener, item, e.getMessage());
      } catch (SourceReadException | IOException e) {
        reject(tally, listener, item, "cannot read the file: " + describe(e));
      }
    }
    return tally;
  }

  private static void reject(ImportTally tally, Consumer<Event> listener, ImportItem item, String reason) {
    tally.rejected(item.label(), reason);
    listener.accept(new Event(item, java.util.Optional.empty(), java.util.Optional.of(reason)));
  }

  private static String describe(Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
