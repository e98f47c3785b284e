package org.custos.archive.verify;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.ArchiveContext;
import org.custos.archive.ArchiveException;
import org.custos.archive.index.CheckpointRow;
import org.custos.archive.index.IndexSession;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.index.LogEntryRow;
import org.custos.archive.index.PatientRow;
import org.custos.archive.log.LogEntries;
import org.custos.archive.log.OpenedEntry;
import org.custos.crypto.BlindIndexDomain;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.SignedNote;

/**
 * Checks the transparency log against itself, its signed checkpoints and the index:
 * <ol>
 *   <li>every entry opens (unless its patient was shredded) and hashes to its stored leaf;
 *   <li>every stored complete-subtree hash equals the hash of its children, recomputed from the
 *       entries (so a rewritten leaf or node is found);
 *   <li>the latest signed checkpoint verifies with the log key, the log is at least that long
 *       (truncation) and its root at that size is the signed one;
 *   <li>each owner's chain links ({@code prev}) and ends at the stored head;
 *   <li>every instance row of a live patient has its {@code instance.stored} entry with the same
 *       seals, and every logged instance that was neither superseded nor deleted still has its row
 *       (deleted index rows).
 * </ol>
 * Reads the entries in pages; memory holds one small record per logged instance and per owner.
 */
public final class LogVerifier {
  private static final int PAGE = 1000;
  private static final HexFormat HEX = HexFormat.of();

  private final ArchiveContext context;

  public LogVerifier(ArchiveContext context) {
    this.context = context;
  }

  private record Logged(long leafIndex, int version, String storedSeal, boolean live) {}

  public List<VerifyProblem> verify() {
    List<VerifyProblem> problems = new ArrayList<>();
    long size = context.index().read(session -> session.logTree().size());
    Optional<CheckpointRow> latest = context.index().read(session -> session.latestCheckpoint());
    Optional<Checkpoint> signed = latest.flatMap(row -> checkedCheckpoint(row, problems));
    if (signed.isPresent() && signed.get().size() > size) {
      problems.add(log(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH, "the log has " + size
          + " leaves but the log key signed a checkpoint of " + signed.get().size() + ": it was truncated"));
    }
    Deque<byte[]> frontier = new ArrayDeque<>();
    Map<String, byte[]> heads = new HashMap<>();
    Map<String, Optional<PatientRow>> patients = new HashMap<>();
    Map<String, Logged> instances = new HashMap<>();
    long next = 0;
    while (next < size) {
      long from = next;
      long reached = context.index().read(session -> {
        List<LogEntryRow> page = session.logEntries(from, PAGE);
        long at = from;
        if (page.isEmpty()) {
          problems.add(log(VerifyProblem.Kind.LOG_ENTRY_INVALID, "log entries " + at + ".." + (size - 1) + " are missing"));
          return size;
        }
        for (LogEntryRow row : page) {
          if (row.leafIndex() >= size) {
            return size;
          }
          if (row.leafIndex() != at) {
            problems.add(log(VerifyProblem.Kind.LOG_ENTRY_INVALID, "log entries " + at + ".." + (row.leafIndex() - 1)
                + " are missing"));
            at = row.leafIndex();
            frontier.clear(); // hashes after a gap cannot be recomputed; later mismatches follow from it
          }
          checkEntry(session, row, patients, heads, instances, problems);
          appendToFrontier(session, frontier, LogLeaves.leafHash(row.entryHash()), at, problems);
          at++;
          if (signed.isPresent() && signed.get().size() == at && !frontier.isEmpty()
              && !MessageDigest.isEqual(root(frontier), signed.get().rootHash())) {
            problems.add(log(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH, "the root of the first " + at
                + " leaves is not the root the log key signed"));
          }
        }
        return at;
      });
      next = reached;
    }
    if (signed.isPresent() && signed.get().size() == 0
        && !MessageDigest.isEqual(MerkleHashes.empty(), signed.get().rootHash())) {
      problems.add(log(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH, "the signed empty checkpoint has a wrong root"));
    }
    checkHeads(heads, problems);
    checkIndexAgainstLog(instances, problems);
    return problems;
  }

  /**
   * Whether the log is a consistent extension of a checkpoint given from outside (an older
   * receipt's, a witness's, or one saved by {@code custos checkpoint}): same origin, signed by
   * this log's key, not longer than the log, and the same root at its size.
   */
  public List<VerifyProblem> verifyExtends(String signedNote) {
    SignedNote note = SignedNote.parse(signedNote);
    Checkpoint old = Checkpoint.parse(note.text());
    if (!old.origin().equals(context.log().origin())) {
      return List.of(log(VerifyProblem.Kind.LOG_NOT_EXTENSION, "the checkpoint is of log '" + old.origin()
          + "', this is '" + context.log().origin() + "'"));
    }
    if (!note.verifiedBy(context.log().verifierKey())) {
      return List.of(log(VerifyProblem.Kind.LOG_NOT_EXTENSION, "the checkpoint is not signed by this log's key"));
    }
    long size = context.index().read(session -> session.logTree().size());
    if (old.size() > size) {
      return List.of(log(VerifyProblem.Kind.LOG_NOT_EXTENSION, "the log has " + size + " leaves, fewer than the "
          + old.size() + " of the given checkpoint: it was rolled back or truncated"));
    }
    byte[] root = context.index().read(session -> new org.custos.ledger.MerkleTree(session.logTree()).root(old.size()));
    if (!MessageDigest.isEqual(root, old.rootHash())) {
      return List.of(log(VerifyProblem.Kind.LOG_NOT_EXTENSION, "the log's root at size " + old.size()
          + " differs from the given checkpoint's: the log forked"));
    }
    return List.of();
  }

  private Optional<Checkpoint> checkedCheckpoint(CheckpointRow row, List<VerifyProblem> problems) {
    try {
      SignedNote note = SignedNote.parse(row.signedNote());
      if (!note.verifiedBy(context.log().verifierKey())) {
        problems.add(log(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH, "the stored checkpoint of size " + row.size()
            + " is not signed by this log's key"));
        return Optional.empty();
      }
      return Optional.of(Checkpoint.parse(note.text()));
    } catch (IllegalArgumentException e) {
      problems.add(log(VerifyProblem.Kind.LOG_CHECKPOINT_MISMATCH, "the stored checkpoint of size " + row.size()
          + " does not parse: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private void checkEntry(IndexSession session, LogEntryRow row, Map<String, Optional<PatientRow>> patients, Map<String, byte[]> heads,
      Map<String, Logged> instances, List<VerifyProblem> problems) {
    Optional<PatientRow> patient = row.ownerId().map(owner -> patients.computeIfAbsent(owner,
        session::patient)).orElse(Optional.empty());
    OpenedEntry opened;
    try {
      opened = context.log().opener().open(row, patient);
    } catch (ArchiveException | IllegalArgumentException e) {
      problems.add(log(VerifyProblem.Kind.LOG_ENTRY_INVALID, e.getMessage()));
      row.ownerId().ifPresent(owner -> heads.put(owner, row.entryHash()));
      return;
    }
    if (row.ownerId().isPresent()) {
      String owner = row.ownerId().get();
      byte[] previous = heads.get(owner);
      if (opened.content().isPresent()) {
        Object prev = opened.content().get().entry().get("prev");
        String expected = previous == null ? null : HEX.formatHex(previous);
        if (expected == null ? prev != null : !expected.equals(prev)) {
          problems.add(log(VerifyProblem.Kind.LOG_CHAIN_BROKEN, "log entry " + row.leafIndex() + " of " + owner
              + " does not link to the owner's previous entry"));
        }
        if (!owner.equals(opened.content().get().entry().get("patient"))) {
          problems.add(log(VerifyProblem.Kind.LOG_ENTRY_INVALID, "log entry " + row.leafIndex()
              + " names another patient than its owner " + owner));
        }
      }
      heads.put(owner, row.entryHash());
    }
    opened.content().ifPresent(content -> track(content.entry(), row.leafIndex(), instances));
  }

  private void track(Map<String, Object> entry, long leafIndex, Map<String, Logged> instances) {
    String type = (String) entry.get("type");
    if (!type.startsWith("instance.")) {
      return;
    }
    String key = HEX.formatHex(context.keys().token(BlindIndexDomain.SOP_INSTANCE_UID, (String) entry.get("sop")));
    int version = entry.get("version") instanceof Long v ? v.intValue() : 0;
    switch (type) {
      case LogEntries.INSTANCE_STORED -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> seals = (Map<String, Object>) entry.get("seals");
        instances.put(key + "/" + version, new Logged(leafIndex, version, (String) seals.get("stored"), true));
      }
      case LogEntries.INSTANCE_SUPERSEDED -> instances.computeIfPresent(key + "/" + version,
          (k, logged) -> new Logged(logged.leafIndex(), logged.version(), logged.storedSeal(), false));
      case LogEntries.INSTANCE_DELETED -> instances.keySet().removeIf(k -> k.startsWith(key + "/"));
      default -> { }
    }
  }

  private void checkHeads(Map<String, byte[]> heads, List<VerifyProblem> problems) {
    for (Map.Entry<String, byte[]> head : heads.entrySet()) {
      Optional<byte[]> stored = context.index().read(session -> session.logHead(head.getKey()));
      if (stored.isEmpty() || !MessageDigest.isEqual(stored.get(), head.getValue())) {
        problems.add(log(VerifyProblem.Kind.LOG_CHAIN_BROKEN, "the stored chain head of " + head.getKey()
            + " is not its last entry"));
      }
    }
  }

  private void checkIndexAgainstLog(Map<String, Logged> instances, List<VerifyProblem> problems) {
    Map<String, Boolean> shredded = new HashMap<>();
    List<InstanceRow> rows = new ArrayList<>();
    context.index().read(session -> {
      session.forEachInstance(rows::add);
      return null;
    });
    for (InstanceRow row : rows) {
      boolean gone = shredded.computeIfAbsent(row.patientId(), id -> context.index().read(session -> session.patient(id))
          .map(p -> p.shredded().isPresent()).orElse(true));
      if (gone) {
        continue;
      }
      Logged logged = instances.remove(HEX.formatHex(row.uidToken()) + "/" + row.version());
      if (logged == null) {
        problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.INDEX_LOG_MISMATCH,
            "version " + row.version() + " is in the index but no instance.stored entry records it"));
      } else if (!logged.storedSeal().equals(HEX.formatHex(row.storedSeal()))) {
        problems.add(new VerifyProblem(row.instanceId(), VerifyProblem.Kind.INDEX_LOG_MISMATCH,
            "version " + row.version() + " has another stored seal in the index than in log entry " + logged.leafIndex()));
      }
    }
    for (Iterator<Logged> it = instances.values().iterator(); it.hasNext();) {
      Logged logged = it.next();
      problems.add(log(VerifyProblem.Kind.INDEX_LOG_MISMATCH, "the instance version stored at log entry "
          + logged.leafIndex() + " has no index rows, and no instance.deleted entry records its removal"));
    }
  }

  private void appendToFrontier(IndexSession session, Deque<byte[]> frontier, byte[] leafHash, long leafIndex, List<VerifyProblem> problems) {
    compareStored(session, 0, leafIndex, leafHash, problems);
    byte[] hash = leafHash;
    int level = 0;
    long index = leafIndex;
    while ((index & 1) == 1 && !frontier.isEmpty()) {
      hash = MerkleHashes.node(frontier.pollLast(), hash);
      level++;
      index >>= 1;
      compareStored(session, level, index, hash, problems);
    }
    frontier.addLast(hash);
  }

  private void compareStored(IndexSession session, int level, long index, byte[] expected,
      List<VerifyProblem> problems) {
    try {
      byte[] stored = session.logTree().get(level, index);
      if (!MessageDigest.isEqual(stored, expected)) {
        problems.add(log(VerifyProblem.Kind.LOG_HASH_MISMATCH, (level == 0 ? "leaf " + index : "subtree hash ("
            + level + ", " + index + ")") + " differs from the hash of the entries it covers"));
      }
    } catch (ArchiveException | IllegalArgumentException e) {
      problems.add(log(VerifyProblem.Kind.LOG_HASH_MISMATCH, e.getMessage()));
    }
  }

  /** RFC 9162 MTH from the complete subtrees of the frontier, largest first. */
  private static byte[] root(Deque<byte[]> frontier) {
    Iterator<byte[]> fromRight = frontier.descendingIterator();
    byte[] root = fromRight.next();
    while (fromRight.hasNext()) {
      root = MerkleHashes.node(fromRight.next(), root);
    }
    return root;
  }

  private static VerifyProblem log(VerifyProblem.Kind kind, String detail) {
    return new VerifyProblem("log", kind, detail);
  }
}
