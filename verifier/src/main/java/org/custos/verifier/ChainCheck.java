package org.custos.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.receipt.LogEntryView;
import org.custos.ledger.receipt.ReceiptEntry;
import org.custos.ledger.receipt.WithheldEntry;

/**
 * Checks a run of one patient's entries against a checkpoint: each entry's leaf is included at the
 * checkpoint's size, indexes increase strictly, every entry is the subject patient's, and each
 * {@code prev} is the entry hash of the entry before it (the first one continuing from
 * {@code previous}, or starting the patient's chain when there is none).
 */
final class ChainCheck {
  /** What the run established: the leaves that verified, and where the chain ends. */
  record Result(Set<Long> included, boolean intact, Optional<byte[]> lastHash, long lastIndex) {}

  private ChainCheck() {}

  static Result run(List<ReceiptEntry> entries, Optional<byte[]> previous, long previousIndex, String patient,
      Checkpoint checkpoint, Report report, String section) {
    return run(entries, List.of(), previous, previousIndex, patient, checkpoint, report, section);
  }

  /**
   * As above, with entries the log withheld (their patient's key is destroyed) merged in by index:
   * each must be included, and the chain runs through its entry hash; its content and its own prev
   * cannot be checked, which the report says.
   */
  static Result run(List<ReceiptEntry> entries, List<WithheldEntry> withheld, Optional<byte[]> previous,
      long previousIndex, String patient, Checkpoint checkpoint, Report report, String section) {
    Set<Long> included = new HashSet<>();
    boolean intact = true;
    Optional<byte[]> expected = previous;
    long lastIndex = previousIndex;
    Map<Long, WithheldEntry> sealed = new TreeMap<>();
    withheld.forEach(w -> sealed.put(w.index(), w));
    for (ReceiptEntry entry : entries) {
      long index = entry.index();
      for (WithheldEntry w : takeBefore(sealed, index)) {
        boolean ok = withheldIncluded(w, lastIndex, checkpoint, report, section);
        if (ok) {
          included.add(w.index());
        }
        intact &= ok;
        expected = Optional.of(w.entryHash());
        lastIndex = w.index();
      }
      LogEntryView view = entry.view();
      byte[] entryHash = entry.entryHash();
      boolean ok = true;
      if (index >= checkpoint.size()) {
        report.fail(section, "entry-inclusion", "entry at leaf " + index + " is outside the checkpoint's tree of "
            + checkpoint.size() + " leaves");
        ok = false;
      } else if (!ProofVerifier.verifyInclusion(entry.leafHash(), entry.inclusionProof(checkpoint.size()),
          checkpoint.rootHash())) {
        report.fail(section, "entry-inclusion", "entry at leaf " + index + " is not included in the tree of size "
            + checkpoint.size() + ": its salt, entry or proof was altered, or the index is wrong");
        ok = false;
      } else {
        included.add(index);
      }
      if (index <= lastIndex) {
        report.fail(section, "entry-order", "entry at leaf " + index + " does not come after leaf " + lastIndex
            + ": entries must increase strictly by index");
        ok = false;
      }
      if (!view.patient().map(patient::equals).orElse(false)) {
        report.fail(section, "entry-patient", "entry at leaf " + index + " (" + view.type().wireName()
            + ") is not an entry of " + patient);
        ok = false;
      }
      Optional<byte[]> prev = view.prev();
      String chainProblem = chainProblem(prev, expected, lastIndex);
      if (chainProblem != null) {
        report.fail(section, "entry-chain", "chain broken at leaf " + index + ": " + chainProblem);
        ok = false;
      }
      if (ok) {
        report.ok(section, "entry", "leaf " + index + " (" + view.type().wireName() + "): included at size "
            + checkpoint.size() + ", chained");
      }
      intact &= ok;
      expected = Optional.of(entryHash);
      lastIndex = index;
    }
    for (WithheldEntry w : takeBefore(sealed, Long.MAX_VALUE)) {
      boolean ok = withheldIncluded(w, lastIndex, checkpoint, report, section);
      if (ok) {
        included.add(w.index());
      }
      intact &= ok;
      expected = Optional.of(w.entryHash());
      lastIndex = w.index();
    }
    return new Result(Set.copyOf(included), intact, expected, lastIndex);
  }

  private static List<WithheldEntry> takeBefore(Map<Long, WithheldEntry> sealed, long index) {
    List<WithheldEntry> out = new ArrayList<>();
    for (Iterator<Map.Entry<Long, WithheldEntry>> it = sealed.entrySet().iterator(); it.hasNext();) {
      Map.Entry<Long, WithheldEntry> next = it.next();
      if (next.getKey() >= index) {
        break;
      }
      out.add(next.getValue());
      it.remove();
    }
    return out;
  }

  private static boolean withheldIncluded(WithheldEntry w, long lastIndex, Checkpoint checkpoint, Report report,
      String section) {
    if (w.index() <= lastIndex) {
      report.fail(section, "entry-order", "withheld entry at leaf " + w.index() + " does not come after leaf " + lastIndex);
      return false;
    }
    if (w.index() >= checkpoint.size() || !ProofVerifier.verifyInclusion(w.leafHash(),
        w.inclusionProof(checkpoint.size()), checkpoint.rootHash())) {
      report.fail(section, "entry-inclusion", "withheld entry at leaf " + w.index() + " is not included in the tree of"
          + " size " + checkpoint.size());
      return false;
    }
    report.ok(section, "entry", "leaf " + w.index() + " (withheld: the patient's key was destroyed): included at size "
        + checkpoint.size() + "; its content cannot be shown");
    return true;
  }

  private static String chainProblem(Optional<byte[]> prev, Optional<byte[]> expected, long lastIndex) {
    if (expected.isEmpty()) {
      return prev.isPresent() ? "it names a previous entry that is not here, so the chain does not start at the"
          + " patient's first entry" : null;
    }
    if (prev.isEmpty()) {
      return "it has no prev, but follows leaf " + lastIndex;
    }
    return MessageDigest.isEqual(prev.get(), expected.get()) ? null
        : "its prev is not the entry hash of leaf " + lastIndex + " (an entry between them is missing or altered)";
  }
}
