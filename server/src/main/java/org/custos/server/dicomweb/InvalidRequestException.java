package org.custos.server.dicomweb;

import java.util.Objects;

/** A parameter or path segment is malformed or not supported (HTTP 400); names the parameter. */
public final class InvalidRequestException extends DicomWebException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public InvalidRequestException(String parameter, String message) {
    super(Objects.requireNonNull(parameter, "parameter") + ": " + message);
    this.parameter = parameter;
  }

  /** The query parameter, header or path segment at fault, e.g. {@code StudyDate} or {@code Accept}. */
  public String parameter() {
    return parameter;
  }
}
