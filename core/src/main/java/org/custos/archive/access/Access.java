package org.custos.archive.access;

import java.util.Objects;

/**
 * Who reads patient data and why: recorded in the transparency log with every read (DESIGN.md T4).
 * {@code principal} is a non-PHI name of the caller (an API key id, a JWT subject, "cli:user");
 * {@code purpose} is a short word such as "treatment", "export" or "verify".
 */
public record Access(String principal, String purpose) {
  public Access {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(purpose, "purpose");
    if (principal.isBlank() || purpose.isBlank()) {
      throw new IllegalArgumentException("an access names its principal and its purpose");
    }
  }

  /** A read by the local command line, named by the operating-system user. */
  public static Access commandLine(String purpose) {
    return new Access("cli:" + System.getProperty("user.name", "unknown"), purpose);
  }
}
