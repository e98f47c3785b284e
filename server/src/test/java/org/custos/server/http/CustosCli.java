package org.custos.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged command line, run as an operator runs it: {@code java -jar target/custos.jar ARGS}. */
final class CustosCli {
  private CustosCli() {}

  /** Exit status and everything printed (stdout and stderr together). */
  record Result(int exitCode, String output) {}

  static Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", Path.of("target", "custos.jar").toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("custos " + String.join(" ", args) + " did not end within 120 s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops the server, then proves that what it answered is all it kept: {@code custos verify}
   * re-reads every blob against its seal and finds no orphan blob (a half-stored instance leaves
   * one) and no missing one, {@code custos ls} counts the versions the running server counted, and
   * there is one blob file per version.
   */
  static void assertNothingHalfStored(RunningServer server) throws IOException {
    long versions = server.countInstances();
    long blobs = server.blobFiles();
    server.close();
    String home = server.home.toString();

    Result verify = run("verify", "--home", home);
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("verified " + versions + " instance versions").contains("OK: ")
        .doesNotContain("PROBLEM");
    Result ls = run("ls", "--home", home, "--limit", "1000");
    assertThat(ls.exitCode()).as(ls.output()).isZero();
    assertThat(ls.output()).contains("; " + versions + " instance versions stored");
    assertThat(blobs).as("one blob file per stored version").isEqualTo(versions);
  }
}
