package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.custos.archive.verify.VerifyProblem;
import org.custos.archive.verify.VerifyReport;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos verify}: re-reads every blob, decrypts and re-hashes it, compares with the index,
 * looks for orphan blobs, checks the transparency log, and with {@code --since} that the log is a
 * consistent extension of an earlier checkpoint (a restored old database or a fork fails). Exit status 0 when all is well, 5 when anything is wrong.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-read, decrypt and re-hash every stored instance; report any mismatch.")
final class VerifyCommand implements Callable<Integer> {
  static final int EXIT_PROBLEMS = 5;

  @Mixin
  HomeOption home;

  @Option(names = "--since", paramLabel = "FILE",
      description = "a checkpoint saved earlier (custos checkpoint, a receipt's, a witness's): the log must extend it")
  Path since;

  @Spec
  CommandSpec spec;

  private static String readCheckpoint(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure("cannot read the checkpoint file " + file + ": " + e.getMessage());
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    VerifyReport report;
    String sinceNote = since == null ? null : readCheckpoint(since);
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      report = instance.archive().verify(bytes -> { });
      if (sinceNote != null) {
        List<VerifyProblem> all = new ArrayList<>(report.problems());
        all.addAll(instance.archive().verifyExtends(sinceNote));
        report = new VerifyReport(report.versionsChecked(), report.bytesRead(), report.elapsed(),
            report.shreddedSkipped(), all);
      }
    }
    out.printf("verified %d instance versions, %.1f MB in %.2f s (%.1f MB/s); %d of shredded patients skipped%n",
        report.versionsChecked(), report.bytesRead() / 1e6, report.elapsed().toMillis() / 1000.0,
        report.megabytesPerSecond(), report.shreddedSkipped());
    for (VerifyProblem problem : report.problems()) {
      out.println("  PROBLEM " + problem.kind() + " " + problem.instanceId() + ": " + problem.detail());
    }
    out.println(report.ok() ? "OK: every blob matches its seal, the log matches its entries, its signed checkpoint"
        + " and the index" + (since == null ? "" : ", and extends " + since) : "FAILED: " + report.problems().size() + " problem(s)");
    out.flush();
    return report.ok() ? 0 : EXIT_PROBLEMS;
  }
}
