package org.custos.storage.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.custos.archive.Archive;
import org.custos.archive.blob.BlobStore;
import org.custos.archive.index.ArchiveIndex;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.IngestSource;
import org.custos.crypto.KeyHierarchy;
import org.custos.crypto.RootKeyProvider;
import org.custos.crypto.keyring.KeyringFile;
import org.custos.storage.blob.fs.FileBlobStore;
import org.custos.storage.index.SqliteIndex;

/**
 * A real archive on the embedded default (file blob store, SQLite index, keyring file sealed by
 * a key file) in a test folder; reopenable to prove durability.
 */
final class ArchiveFixture implements AutoCloseable {
  static final IngestSource SOURCE = new IngestSource("test", "");

  final Path dir;
  final RootKeyProvider root;
  Archive archive;

  private ArchiveFixture(Path dir, RootKeyProvider root) {
    this.dir = dir;
    this.root = root;
    this.archive = openArchive();
  }

  static ArchiveFixture create(Path dir) {
    RootKeyProvider root = KeyringFile.createWithKeyFile(dir.resolve("keyring.json"), dir.resolve("root.key"));
    return new ArchiveFixture(dir, root);
  }

  static ArchiveFixture on(Path dir, BlobStore blobs, ArchiveIndex index) {
    RootKeyProvider root = KeyringFile.createWithKeyFile(dir.resolve("keyring.json"), dir.resolve("root.key"));
    ArchiveFixture fixture = new ArchiveFixture(dir, root, blobs, index);
    return fixture;
  }

  private ArchiveFixture(Path dir, RootKeyProvider root, BlobStore blobs, ArchiveIndex index) {
    this.dir = dir;
    this.root = root;
    this.archive = Archive.open(blobs, index, new KeyHierarchy(root), Clock.systemUTC());
  }

  Path blobDir() {
    return dir.resolve("blobs");
  }

  Path indexFile() {
    return dir.resolve("index.db");
  }

  private Archive openArchive() {
    return Archive.open(FileBlobStore.at(blobDir()), SqliteIndex.open(indexFile()), new KeyHierarchy(root),
        Clock.systemUTC());
  }

  void reopen() {
    archive.close();
    archive = openArchive();
  }

  /** Closes the archive, runs raw SQL on its SQLite file (a tampering attacker), and reopens it. */
  void tamper(String... statements) throws java.sql.SQLException {
    archive.close();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + indexFile());
        java.sql.Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
    archive = openArchive();
  }

  IngestReceipt ingest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return archive.ingest(in, SOURCE);
    }
  }

  IngestReceipt ingest(byte[] bytes) {
    return archive.ingest(new java.io.ByteArrayInputStream(bytes), SOURCE);
  }

  byte[] retrieve(String sopInstanceUid) throws IOException {
    try (InputStream in = archive.retrieve(sopInstanceUid)) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    archive.close();
    root.close();
  }
}
