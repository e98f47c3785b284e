package org.custos.crypto;

/** A key id or version is unknown to the provider, retired or destroyed (e.g. a shredded patient). */
public class KeyNotFoundException extends CryptoException {
  private static final long serialVersionUID = 1L;

  public KeyNotFoundException(String message) {
    super(message);
  }
}
