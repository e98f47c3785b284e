package org.custos.ledger.receipt;

/**
 * A receipt, a log entry or a log API body that does not follow its format. The message starts
 * with the JSON path of the offending member ({@code $.entries[2].salt}) and says what was expected;
 * it never quotes the member's value, which may be PHI (UIDs).
 */
public final class LogFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String path;

  public LogFormatException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  public LogFormatException(String path, String reason, Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
  }

  /** The JSON path of the offending member, {@code $} for the whole document. */
  public String path() {
    return path;
  }
}
