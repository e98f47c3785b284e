package org.custos.ledger.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.custos.ledger.NoteKey;
import org.custos.ledger.NoteKeyPair;
import org.custos.ledger.json.CanonicalJson;

/**
 * The receipt signature: Ed25519 by the log key over UTF-8 {@code "custos-receipt/1\n"} followed by
 * the RFC 8785 canonical JSON of the receipt document without its {@code signature} member. The
 * prefix keeps a receipt signature from ever being a valid checkpoint signature and vice versa.
 * Stateless.
 */
public final class ReceiptSignature {
  public static final String DOMAIN = ReceiptCodec.FORMAT + "\n";

  private ReceiptSignature() {}

  public static byte[] signedMessage(Receipt receipt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(DOMAIN.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(CanonicalJson.encode(ReceiptCodec.document(receipt)));
    return out.toByteArray();
  }

  /** Signs with the log key, which must be the receipt's {@code logKey}. */
  public static SignedReceipt sign(Receipt receipt, NoteKeyPair logKey) {
    if (!logKey.noteKey().equals(receipt.logKey())) {
      throw new IllegalArgumentException("the receipt names a different log key than the one signing it");
    }
    return new SignedReceipt(receipt, logKey.signMessage(signedMessage(receipt)));
  }

  /** Whether the receipt's signature is {@code trusted}'s. */
  public static boolean verify(SignedReceipt receipt, NoteKey trusted) {
    return trusted.verifiesMessage(signedMessage(receipt.receipt()), receipt.signature());
  }
}
