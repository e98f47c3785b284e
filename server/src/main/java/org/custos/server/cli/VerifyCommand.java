package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.custos.archive.verify.VerifyProblem;
import org.custos.archive.verify.VerifyReport;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos verify}: re-reads every blob, decrypts and re-hashes it, compares with the index,
 * and looks for orphan blobs. Exit status 0 when all is well, 5 when anything is wrong.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-read, decrypt and re-hash every stored instance; report any mismatch.")
final class VerifyCommand implements Callable<Integer> {
  static final int EXIT_PROBLEMS = 5;

  @Mixin
  HomeOption home;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    VerifyReport report;
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      report = instance.archive().verify(bytes -> { });
    }
    out.printf("verified %d instance versions, %.1f MB in %.2f s (%.1f MB/s); %d of shredded patients skipped%n",
        report.versionsChecked(), report.bytesRead() / 1e6, report.elapsed().toMillis() / 1000.0,
        report.megabytesPerSecond(), report.shreddedSkipped());
    for (VerifyProblem problem : report.problems()) {
      out.println("  PROBLEM " + problem.kind() + " " + problem.instanceId() + ": " + problem.detail());
    }
    out.println(report.ok() ? "OK: every blob matches its seal" : "FAILED: " + report.problems().size() + " problem(s)");
    out.flush();
    return report.ok() ? 0 : EXIT_PROBLEMS;
  }
}
