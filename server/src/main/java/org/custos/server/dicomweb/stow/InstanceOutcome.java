package org.custos.server.dicomweb.stow;

import java.util.Objects;
import java.util.Optional;
import org.custos.archive.ingest.InstanceAttributes;

/** What became of one part of a STOW-RS request. */
sealed interface InstanceOutcome {
  int part();

  /** Stored (or already present), with its UIDs and an optional warning. */
  record Stored(int part, InstanceAttributes uids, Optional<WarningReason> warning) implements InstanceOutcome {
    public Stored {
      Objects.requireNonNull(uids, "uids");
      Objects.requireNonNull(warning, "warning");
    }
  }

  /**
   * Not stored. {@code uids} are empty when the part could not be read far enough to know them
   * (the failure then goes in the Other Failures Sequence). {@code detail} is PHI-free.
   */
  record Failed(int part, Optional<InstanceAttributes> uids, FailureReason reason, String detail)
      implements InstanceOutcome {
    public Failed {
      Objects.requireNonNull(uids, "uids");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
