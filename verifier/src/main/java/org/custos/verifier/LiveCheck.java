package org.custos.verifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.ProofVerifier;
import org.custos.ledger.SignedNote;
import org.custos.ledger.WitnessKey;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.LogFormatException;
import org.custos.ledger.receipt.Receipt;
import org.custos.ledger.receipt.ReceiptEntry;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * The receipt against the live log (docs/formats/receipt.md, "What a verifier checks", 4): the
 * current checkpoint is the same log's and signed by its key, it did not shrink (rollback) and it
 * extends the receipt's tree (else the log forked), and the patient's later entries chain on from
 * the receipt's last one and are included now; then what they change, per image.
 */
final class LiveCheck {
  static final String LIVE = "Live log";
  static final String SINCE = "Since the receipt";

  private LiveCheck() {}

  static void run(LogSource source, Receipt receipt, ChainCheck.Result receiptChain, TrustedKey trusted,
      List<WitnessKey> witnesses, int required, Report report) {
    Checkpoint then = receipt.checkpointBody();
    SignedNote note;
    Checkpoint now;
    try {
      note = SignedNote.parse(source.checkpoint());
      now = Checkpoint.parse(note.text());
    } catch (IllegalArgumentException e) {
      throw new LogAnswerException("the log's current checkpoint is malformed: " + e.getMessage(), e);
    }
    report.info(LIVE, "source", "asked " + source.describe() + ": current size " + now.size(),
        Map.of("source", source.describe(), "currentSize", now.size()));
    if (!note.verifiedBy(trusted.key())) {
      report.fail(LIVE, "current-signature", "the current checkpoint is not signed by the log key");
      return;
    }
    if (!now.origin().equals(then.origin())) {
      report.fail(LIVE, "current-origin", "the log answering is another log: its origin is " + now.origin()
          + ", the receipt's " + then.origin());
      return;
    }
    report.ok(LIVE, "current-signature", "current checkpoint (size " + now.size() + ") signed by the log key");
    WitnessCheck.run(note, trusted.key(), witnesses, required, report, LIVE);
    if (now.size() < then.size()) {
      report.fail(LIVE, "rollback", "log rolled back: current size " + now.size() + " < receipt size " + then.size());
      return;
    }
    if (!consistent(source, then, now)) {
      report.fail(LIVE, "consistency", "log forked: the current tree (size " + now.size() + ") is not an extension of"
          + " the receipt's (size " + then.size() + "); the log has rewritten entries it had committed to");
      return;
    }
    report.ok(LIVE, "consistency", "the current tree (size " + now.size() + ") extends the receipt's (size "
        + then.size() + ")");
    List<ReceiptEntry> entries = receipt.entries();
    if (entries.isEmpty() || receiptChain.lastHash().isEmpty()) {
      report.info(SINCE, "successors", "the receipt holds no entries to follow", Map.of());
      return;
    }
    SuccessorsAnswer answer = source.successors(new SuccessorsQuery(receiptChain.lastHash().get(), now.size()));
    if (answer.size() != now.size()) {
      throw new LogAnswerException("the log answered successors at size " + answer.size() + ", asked for " + now.size());
    }
    ChainCheck.Result later = ChainCheck.run(answer.entries(), answer.withheld(), receiptChain.lastHash(),
        receiptChain.lastIndex(),
        receipt.patient(), now, report, SINCE);
    Changes.describe(entries, answer.entries(), later.included(), checkpointTime(then).orElse(receipt.issued()), report);
  }

  private static boolean consistent(LogSource source, Checkpoint then, Checkpoint now) {
    if (now.size() == then.size()) {
      return java.security.MessageDigest.isEqual(now.rootHash(), then.rootHash());
    }
    ConsistencyAnswer answer;
    try {
      answer = source.consistency(then.size(), now.size());
    } catch (LogFormatException e) {
      throw new LogAnswerException("the log's consistency proof is malformed: " + e.getMessage(), e);
    }
    ConsistencyProof proof = answer.proof();
    if (proof.firstSize() != then.size() || proof.secondSize() != now.size()) {
      return false;
    }
    return ProofVerifier.verifyConsistency(proof, then.rootHash(), now.rootHash());
  }

  /** The checkpoint's {@code time <unix seconds>} extension line, if it has one. */
  static Optional<Instant> checkpointTime(Checkpoint checkpoint) {
    for (String line : checkpoint.extensions()) {
      if (line.matches("time [0-9]{1,18}")) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(line.substring(5))));
      }
    }
    return Optional.empty();
  }
}
