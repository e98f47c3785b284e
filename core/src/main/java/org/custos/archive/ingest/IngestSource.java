package org.custos.archive.ingest;

import java.util.Objects;

/**
 * Where an instance came from, recorded with it: the transport ({@code cli-import},
 * {@code stow-rs}, …) and a caller's reference that must not hold PHI (a client id, a batch id).
 */
public record IngestSource(String transport, String reference) {
  public IngestSource {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(reference, "reference");
    if (!transport.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("transport must be 1-32 of [a-z0-9-]");
    }
  }

  public String describe() {
    return reference.isEmpty() ? transport : transport + ":" + reference;
  }
}
