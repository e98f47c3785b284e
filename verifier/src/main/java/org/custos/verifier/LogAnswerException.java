package org.custos.verifier;

/** The log answered, but refused the question or answered something malformed: a verification failure. */
final class LogAnswerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LogAnswerException(String message) {
    super(message);
  }

  LogAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
