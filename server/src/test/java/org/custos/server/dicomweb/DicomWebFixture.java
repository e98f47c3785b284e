package org.custos.server.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.custos.archive.Archive;
import org.custos.archive.access.Access;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.index.SqliteIndex;

/**
 * A real archive on the embedded default (file blob store, SQLite index, keyring sealed by a key
 * file) in a test folder, and the URLs the DICOMweb services build against.
 */
public final class DicomWebFixture implements AutoCloseable {
  public static final DicomWebUrls URLS = new DicomWebUrls("https://custos.test/dicom-web");
  public static final Access READER = new Access("test:reader", "treatment");
  private static final IngestSource SOURCE = new IngestSource("test", "");

  private final RootKeyProvider root;
  private final Archive archive;

  private DicomWebFixture(Path dir) {
    this.root = KeyringFile.createWithKeyFile(dir.resolve("keyring.json"), dir.resolve("root.key"));
    this.archive = Archive.open(FileBlobStore.at(dir.resolve("blobs")), SqliteIndex.open(dir.resolve("index.db")),
        new KeyHierarchy(root), Clock.systemUTC());
  }

  public static DicomWebFixture create(Path dir) {
    return new DicomWebFixture(dir);
  }

  public Archive archive() {
    return archive;
  }

  public IngestReceipt ingest(byte[] bytes) {
    return archive.ingest(new ByteArrayInputStream(bytes), SOURCE);
  }

  public IngestReceipt ingest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return archive.ingest(in, SOURCE);
    }
  }

  @Override
  public void close() {
    archive.close();
    root.close();
  }
}
