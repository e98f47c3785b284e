package org.custos.archive.log;

import java.util.List;
import java.util.Optional;

/**
 * How the log presents itself: its origin (the first line of its checkpoints; default
 * {@code custos/<archive id>}) and the witness verifier keys (C2SP vkeys) whose cosignatures it
 * accepts.
 */
public record LogSettings(Optional<String> origin, List<String> witnessKeys) {
  public LogSettings {
    witnessKeys = List.copyOf(witnessKeys);
    origin.ifPresent(o -> {
      if (o.isBlank() || o.contains("\n") || o.contains("+") || o.contains(" ")) {
        throw new IllegalArgumentException("log origin must be one line without spaces or '+', was '" + o + "'");
      }
    });
  }

  public static LogSettings defaults() {
    return new LogSettings(Optional.empty(), List.of());
  }
}
