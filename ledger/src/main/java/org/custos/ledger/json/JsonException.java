package org.custos.ledger.json;

/**
 * Text that is not JSON of the supported subset, or a value that has no JSON form here. The message
 * names the character offset (UTF-16 index into the parsed string) or the offending type, never the
 * surrounding text, so that no PHI reaches it.
 */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  JsonException(String reason, int offset) {
    super(reason + " at offset " + offset);
    this.offset = offset;
  }

  JsonException(String reason) {
    super(reason);
    this.offset = -1;
  }

  /** The UTF-16 offset in the parsed text where the problem was found, or −1 when encoding. */
  public int offset() {
    return offset;
  }
}
