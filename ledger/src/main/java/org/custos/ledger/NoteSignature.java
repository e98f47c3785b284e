package org.custos.ledger;

/** One signature line of a signed note (C2SP signed-note): the key's name, its 4-byte id and the signature. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  public NoteSignature {
    NoteKey.requireName(keyName);
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
