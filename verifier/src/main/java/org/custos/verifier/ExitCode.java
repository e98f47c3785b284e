package org.custos.verifier;

/** The process exit codes of custos-verify (sysexits.h for usage). */
final class ExitCode {
  static final int VERIFIED = 0;
  static final int FAILED = 2;
  static final int UNREACHABLE = 3;
  static final int USAGE = 64;

  private ExitCode() {}
}
