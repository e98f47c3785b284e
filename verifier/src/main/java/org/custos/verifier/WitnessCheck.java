package org.custos.verifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.custos.ledger.Cosignature;
import org.custos.ledger.NoteKey;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.SignedNote;
import org.custos.ledger.WitnessKey;

/**
 * The witness policy on one checkpoint: at least {@code required} of the given witness keys must
 * have a valid cosignature/v1 on it (by default all of them); each missing one is named. Other
 * signature lines are listed as not checked, so the reader sees everything the note carries.
 */
final class WitnessCheck {
  private WitnessCheck() {}

  static void run(SignedNote note, NoteKey logKey, List<WitnessKey> witnesses, int required, Report report,
      String section) {
    int valid = 0;
    List<WitnessKey> missing = new java.util.ArrayList<>();
    for (WitnessKey witness : witnesses) {
      OptionalLong time = Cosignature.verify(witness, note);
      if (time.isPresent()) {
        valid++;
        report.ok(section, "witness", "witness " + witness.name() + " cosigned at " + Instant.ofEpochSecond(time.getAsLong()));
      } else {
        missing.add(witness);
      }
    }
    boolean quorum = valid >= required;
    for (WitnessKey witness : missing) {
      // A missing cosignature fails the check unless the quorum (--min-witnesses) is met without it.
      report.add(section, "witness", quorum ? Finding.Status.INFO : Finding.Status.FAILED, "missing witness: "
          + witness.name() + " (key id " + String.format("%08x", witness.keyId()) + ") has no valid cosignature on the"
          + " checkpoint" + (quorum ? " (the quorum is met without it)" : ""), Map.of("witness", witness.verifierKey()));
    }
    if (!quorum) {
      report.fail(section, "witness-quorum", "only " + valid + " of the required " + required + " witness cosignatures");
    } else if (required > 0) {
      report.ok(section, "witness-quorum", valid + " of " + witnesses.size() + " witnesses cosigned (" + required + " required)");
    }
    for (NoteSignature line : note.signatures()) {
      boolean known = (line.keyName().equals(logKey.name()) && line.keyId() == logKey.keyId())
          || witnesses.stream().anyMatch(w -> w.names(line));
      if (!known) {
        report.add(section, "unknown-signature", Finding.Status.NOT_CHECKED, "signature by " + line.keyName()
            + " (key id " + String.format("%08x", line.keyId()) + ") not checked: no --witness key for it",
            Map.of("keyName", line.keyName(), "keyId", String.format("%08x", line.keyId())));
      }
    }
  }
}
