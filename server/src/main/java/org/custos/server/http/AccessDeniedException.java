package org.custos.server.http;

/** The access policy refused an authenticated caller (403); the detail is the policy's reason. */
public final class AccessDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String reason) {
    super(403, "forbidden", reason);
  }
}
