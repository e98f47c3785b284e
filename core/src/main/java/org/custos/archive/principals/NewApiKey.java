package org.custos.archive.principals;

import java.util.Objects;
import org.custos.archive.index.ApiKeyRow;

/**
 * A key just created: the stored row and the only copy of the full token
 * ({@code cst_<id>_<secret>}), to be shown to the administrator once. Does not print the token.
 */
public record NewApiKey(ApiKeyRow row, String token) {
  public NewApiKey {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "NewApiKey[" + row.keyId() + ", token redacted]";
  }
}
