package org.custos.ledger.receipt;

/** A {@link Receipt} and the log key's Ed25519 signature of it ({@link ReceiptSignature}). Immutable. */
public record SignedReceipt(Receipt receipt, byte[] signature) {
  public SignedReceipt {
    if (signature.length != 64) {
      throw new IllegalArgumentException("an Ed25519 signature is 64 bytes, was " + signature.length);
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedReceipt s && s.receipt.equals(receipt) && java.util.Arrays.equals(s.signature, signature);
  }

  @Override
  public int hashCode() {
    return receipt.hashCode() * 31 + java.util.Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Signed" + receipt;
  }
}
