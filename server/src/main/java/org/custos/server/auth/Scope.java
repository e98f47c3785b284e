package org.custos.server.auth;

import java.util.Optional;

/** What a credential allows, as named in API keys and in the {@code scope}/{@code scp} claim of JWTs. */
public enum Scope {
  /** Search and retrieve: QIDO-RS, WADO-RS, WADO-URI. */
  DICOM_READ("dicom.read"),
  /** Store: STOW-RS. */
  DICOM_WRITE("dicom.write");

  private final String label;

  Scope(String label) {
    this.label = label;
  }

  /** The scope's name on the wire, e.g. {@code dicom.read}. */
  public String label() {
    return label;
  }

  /** The scope with this name; empty for names Custos does not know (they are ignored). */
  public static Optional<Scope> of(String label) {
    for (Scope scope : values()) {
      if (scope.label.equals(label)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
