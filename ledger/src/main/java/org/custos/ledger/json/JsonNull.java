package org.custos.ledger.json;

/** The JSON literal {@code null}, as a value, so that no public API passes Java null around. */
public enum JsonNull {
  NULL;

  @Override
  public String toString() {
    return "null";
  }
}
