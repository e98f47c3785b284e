package org.custos.archive.index;

import java.time.Instant;
import java.util.Objects;

/** A signed checkpoint of the log (the C2SP signed note text, without cosignatures). */
public record CheckpointRow(long size, String signedNote, Instant created) {
  public CheckpointRow {
    Objects.requireNonNull(signedNote, "signedNote");
    Objects.requireNonNull(created, "created");
  }
}
