package org.custos.archive.ingest;

import java.util.Objects;
import org.custos.archive.ArchiveException;

/** The instance was refused and nothing of it was stored. The message holds no PHI. */
public final class InstanceRejectedException extends ArchiveException {
  private static final long serialVersionUID = 1L;
  private final RejectReason reason;

  public InstanceRejectedException(RejectReason reason, String detail) {
    super(Objects.requireNonNull(reason, "reason") + ": " + detail);
    this.reason = reason;
  }

  public InstanceRejectedException(RejectReason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
