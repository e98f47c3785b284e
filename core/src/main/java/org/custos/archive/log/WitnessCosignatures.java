package org.custos.archive.log;

import java.util.List;
import java.util.OptionalLong;
import org.custos.ledger.Cosignature;
import org.custos.ledger.NoteSignature;
import org.custos.ledger.SignedNote;
import org.custos.ledger.WitnessKey;

/**
 * The witnesses this log accepts cosignatures from (C2SP tlog-cosignature/v1 keys from the
 * configuration), and the check of a cosigned checkpoint against them.
 */
final class WitnessCosignatures {
  record Accepted(String witnessName, String signatureLine, long timestamp) {}

  private final List<WitnessKey> witnesses;

  WitnessCosignatures(List<String> verifierKeys) {
    this.witnesses = verifierKeys.stream().map(WitnessKey::parse).toList();
  }

  /** The first configured witness with a valid cosignature on the note. */
  Accepted accept(SignedNote note) {
    if (witnesses.isEmpty()) {
      throw new WitnessRejectedException("this log has no witnesses configured (log.witnesses)");
    }
    for (WitnessKey witness : witnesses) {
      for (NoteSignature signature : note.signatures()) {
        if (!witness.names(signature)) {
          continue;
        }
        OptionalLong time = Cosignature.verify(witness, note.text(), signature);
        if (time.isEmpty()) {
          throw new WitnessRejectedException("the cosignature of witness " + witness.name() + " does not verify");
        }
        return new Accepted(witness.name(), line(note.text(), signature), time.getAsLong());
      }
    }
    throw new WitnessRejectedException("the note carries no cosignature of a configured witness");
  }

  private static String line(String text, NoteSignature signature) {
    String encoded = new SignedNote(text, List.of(signature)).encode();
    String[] lines = encoded.split("\n");
    return lines[lines.length - 1];
  }
}
