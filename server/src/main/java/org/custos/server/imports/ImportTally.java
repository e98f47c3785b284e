package org.custos.server.imports;

import java.util.ArrayList;
import java.util.List;

/** What an import did, file by file. Not thread-safe: one importer fills it. */
public final class ImportTally {
  /** A file that was not stored, and why (reason text holds no PHI). */
  public record Rejected(String label, String reason) {}

  private long stored;
  private long alreadyPresent;
  private long newVersions;
  private long bytes;
  private final List<Rejected> rejected = new ArrayList<>();

  void stored(long size) {
    stored++;
    bytes += Math.max(size, 0);
  }

  void alreadyPresent(long size) {
    alreadyPresent++;
    bytes += Math.max(size, 0);
  }

  void newVersion(long size) {
    newVersions++;
    bytes += Math.max(size, 0);
  }

  void rejected(String label, String reason) {
    rejected.add(new Rejected(label, reason));
  }

  public long stored() {
    return stored;
  }

  public long alreadyPresent() {
    return alreadyPresent;
  }

  public long newVersions() {
    return newVersions;
  }

  public long bytes() {
    return bytes;
  }

  public List<Rejected> rejected() {
    return List.copyOf(rejected);
  }
}
