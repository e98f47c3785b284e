package org.custos.verifier;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.SignedNote;
import org.custos.ledger.WitnessKey;
import org.custos.ledger.receipt.Receipt;
import org.custos.ledger.receipt.ReceiptSignature;
import org.custos.ledger.receipt.SignedReceipt;

/** The offline checks of a parsed receipt (docs/formats/receipt.md, "What a verifier checks", 1–3). */
final class ReceiptCheck {
  static final String RECEIPT = "Receipt";
  static final String CHECKPOINT = "Checkpoint";
  static final String ENTRIES = "Entries";

  private ReceiptCheck() {}

  static ChainCheck.Result run(SignedReceipt signed, TrustedKey trusted, List<WitnessKey> witnesses, int required,
      Report report) {
    Receipt receipt = signed.receipt();
    Checkpoint checkpoint = receipt.checkpointBody();
    report.info(RECEIPT, "subject", "receipt for " + receipt.patient() + " from log " + receipt.logOrigin() + ", issued "
        + receipt.issued() + ", " + receipt.entries().size() + " entries, checkpoint size " + checkpoint.size(),
        Map.of("patient", receipt.patient(), "origin", receipt.logOrigin(), "issued", receipt.issued().toString(),
            "checkpointSize", checkpoint.size()));
    if (trusted.fromReceipt()) {
      report.add(RECEIPT, "log-key", Finding.Status.NOT_CHECKED, "trusting the key in the receipt: "
          + trusted.key().verifierKey() + " (key hash " + trusted.keyHash() + "); pass --log-key to check it against"
          + " a key you obtained independently", Map.of("logKey", trusted.key().verifierKey(), "keyHash", trusted.keyHash()));
    } else if (!receipt.logKey().equals(trusted.key())) {
      report.fail(RECEIPT, "log-key", "the receipt names log key " + receipt.logKey().verifierKey()
          + ", not the trusted key " + trusted.key().verifierKey());
    }
    if (ReceiptSignature.verify(signed, trusted.key())) {
      report.ok(RECEIPT, "receipt-signature", "receipt signed by the log key " + trusted.key().name());
    } else {
      report.fail(RECEIPT, "receipt-signature", "the receipt's signature is not the log key's: the receipt was altered"
          + " or signed by another key");
    }
    SignedNote note = receipt.signedCheckpoint();
    if (note.verifiedBy(trusted.key())) {
      report.ok(CHECKPOINT, "checkpoint-signature", "checkpoint (size " + checkpoint.size() + ") signed by the log key");
    } else {
      report.fail(CHECKPOINT, "checkpoint-signature", "the checkpoint is not signed by the log key");
    }
    if (checkpoint.origin().equals(receipt.logOrigin())) {
      report.ok(CHECKPOINT, "origin", "checkpoint origin is " + receipt.logOrigin());
    } else {
      report.fail(CHECKPOINT, "origin", "receipt for a different log: the checkpoint's origin is " + checkpoint.origin()
          + ", the receipt names " + receipt.logOrigin());
    }
    WitnessCheck.run(note, trusted.key(), witnesses, required, report, CHECKPOINT);
    ChainCheck.Result chain = ChainCheck.run(receipt.entries(), Optional.empty(), -1, receipt.patient(), checkpoint,
        report, ENTRIES);
    ReceiptContents.describe(receipt.entries(), chain.included(), report);
    return chain;
  }
}
