package org.custos.archive.principals;

import java.util.Objects;
import org.custos.archive.index.ApiKeyRow;

/** What {@link ApiKeys#check} found: an accepted key, or why the presented token was refused. */
public sealed interface ApiKeyCheck {
  /** Why a token was refused. Unknown ids and wrong secrets are one reason, so ids cannot be probed. */
  enum Refusal {
    /** Not of the form {@code cst_<16 hex>_<64 hex>}, no such key, or the secret does not match. */
    INVALID,
    /** The secret matches a key that was revoked. */
    REVOKED,
    /** The secret matches a key past its expiry. */
    EXPIRED
  }

  /** The token names an active key and its secret matches. */
  record Accepted(ApiKeyRow key) implements ApiKeyCheck {
    public Accepted {
      Objects.requireNonNull(key, "key");
    }
  }

  /** The token was refused. */
  record Refused(Refusal reason) implements ApiKeyCheck {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
