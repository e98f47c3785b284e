package org.custos.archive.verify;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Verifier} found: how many versions were checked, how many bytes read and how long
 * it took, the versions of shredded patients (which cannot be read by design), and every problem.
 */
public record VerifyReport(long versionsChecked, long bytesRead, Duration elapsed, long shreddedSkipped,
    List<VerifyProblem> problems) {
  public VerifyReport {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public double megabytesPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return bytesRead / 1e6 / seconds;
  }
}
