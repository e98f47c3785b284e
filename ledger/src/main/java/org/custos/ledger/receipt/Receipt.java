package org.custos.ledger.receipt;

import java.time.Instant;
import java.util.List;
import org.custos.ledger.Checkpoint;
import org.custos.ledger.NoteKey;
import org.custos.ledger.SignedNote;

/**
 * The signed content of a patient's receipt (docs/formats/receipt.md, {@code custos-receipt/1}):
 * which log ({@code logOrigin}, {@code logKey}), whose entries ({@code patient}, a pseudonym
 * {@code pk-…}), when it was issued, the log's signed checkpoint (note text with the log signature
 * and any witness cosignatures) and the patient's entries with inclusion proofs at that checkpoint.
 *
 * <p>Construction checks form only (the checkpoint is a signed note holding a checkpoint); whether
 * the receipt is true — signatures, proofs, chain, origin — is for a verifier to decide, so that it
 * can say precisely what is wrong. Immutable.
 */
public record Receipt(String logOrigin, NoteKey logKey, String patient, Instant issued, String checkpoint,
    List<ReceiptEntry> entries) {
  public Receipt {
    if (logOrigin.isEmpty() || logOrigin.contains("\n")) {
      throw new IllegalArgumentException("the log origin is one non-empty line");
    }
    if (!patient.startsWith("pk-") || patient.length() == 3) {
      throw new IllegalArgumentException("the subject patient is a pseudonym pk-…");
    }
    Checkpoint.parse(SignedNote.parse(checkpoint).text());
    entries = List.copyOf(entries);
  }

  /** The checkpoint as a signed note. */
  public SignedNote signedCheckpoint() {
    return SignedNote.parse(checkpoint);
  }

  /** The checkpoint body: origin, size, root hash, extension lines. */
  public Checkpoint checkpointBody() {
    return Checkpoint.parse(signedCheckpoint().text());
  }

  @Override
  public String toString() {
    return "Receipt[" + logOrigin + ", " + entries.size() + " entries, issued " + issued + "]";
  }
}
