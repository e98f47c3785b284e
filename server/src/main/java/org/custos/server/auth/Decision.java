package org.custos.server.auth;

import java.util.Objects;

/**
 * A policy's answer with its reason. The reason is shown to the caller and logged, so it names
 * scopes and actions, never PHI.
 */
public record Decision(boolean allowed, String reason) {
  public Decision {
    Objects.requireNonNull(reason, "reason");
  }

  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
