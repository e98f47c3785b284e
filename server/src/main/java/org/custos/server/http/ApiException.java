package org.custos.server.http;

import java.util.Objects;

/**
 * A request the server refuses, with the HTTP status, a short machine-readable error code and a
 * detail for people. Both strings are sent to the client: they name the problem, never PHI or a
 * credential.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String error;

  public ApiException(int status, String error, String detail) {
    super(Objects.requireNonNull(detail, "detail"));
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 400-599, was " + status);
    }
    this.status = status;
    this.error = Objects.requireNonNull(error, "error");
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String detail() {
    return getMessage();
  }
}
