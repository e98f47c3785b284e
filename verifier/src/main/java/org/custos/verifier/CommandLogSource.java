package org.custos.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.custos.ledger.receipt.ConsistencyAnswer;
import org.custos.ledger.receipt.LogFormatException;
import org.custos.ledger.receipt.SuccessorsAnswer;
import org.custos.ledger.receipt.SuccessorsQuery;

/**
 * The log of a local instance folder, through the product's CLI: {@code <custos> log checkpoint
 * --home DIR}, {@code log consistency --home DIR --from A --to B}, {@code log successors --home
 * DIR --entry-hash B64 --size N}, each printing the HTTP answer body on stdout and exiting 0. A
 * command that cannot start, fails or outlives the timeout makes the log unreachable. One command
 * at a time; not thread-safe.
 */
final class CommandLogSource implements LogSource {
  private final String command;
  private final Path home;
  private final Duration timeout;

  CommandLogSource(String command, Path home, Duration timeout) {
    this.command = command;
    this.home = home;
    this.timeout = timeout;
  }

  /** {@code --custos}, else {@code $CUSTOS_COMMAND}, else {@code custos} on the PATH. */
  static String resolveCommand(Optional<String> flag, Map<String, String> env) {
    return flag.orElseGet(() -> Optional.ofNullable(env.get("CUSTOS_COMMAND")).filter(s -> !s.isBlank()).orElse("custos"));
  }

  @Override
  public String checkpoint() {
    return run("checkpoint");
  }

  @Override
  public ConsistencyAnswer consistency(long fromSize, long toSize) {
    String body = run("consistency", "--from", Long.toString(fromSize), "--to", Long.toString(toSize));
    try {
      return ConsistencyAnswer.parse(body);
    } catch (LogFormatException e) {
      throw new LogAnswerException("the log's consistency answer is malformed: " + e.getMessage(), e);
    }
  }

  @Override
  public SuccessorsAnswer successors(SuccessorsQuery query) {
    String body = run("successors", "--entry-hash", Base64.getEncoder().encodeToString(query.entryHash()),
        "--size", Long.toString(query.size()));
    try {
      return SuccessorsAnswer.parse(body);
    } catch (LogFormatException e) {
      throw new LogAnswerException("the log's successors answer is malformed: " + e.getMessage(), e);
    }
  }

  @Override
  public String cosign(String cosignedNote) {
    return run(cosignedNote.getBytes(StandardCharsets.UTF_8), "cosign");
  }

  @Override
  public String describe() {
    return home.toString() + " (via " + command + ")";
  }

  private String run(String query, String... options) {
    return run(null, query, options);
  }

  private String run(byte[] input, String query, String... options) {
    List<String> argv = new ArrayList<>(List.of(command, "log", query, "--home", home.toString()));
    argv.addAll(List.of(options));
    String shown = "custos log " + query;
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(argv);
      if (input == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
      }
      process = builder.start();
      if (input != null) {
        try (java.io.OutputStream stdin = process.getOutputStream()) {
          stdin.write(input);
        }
      }
    } catch (IOException e) {
      throw new LogUnreachableException("could not run " + command + " (" + shown + "): " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try {
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readNBytes(HttpLogSource.MAX_BODY_BYTES + 1);
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new LogUnreachableException(shown + " did not finish within " + timeout.toSeconds() + " s");
      }
      if (out.length > HttpLogSource.MAX_BODY_BYTES) {
        throw new LogAnswerException(shown + " printed more than " + HttpLogSource.MAX_BODY_BYTES + " bytes");
      }
      if (process.exitValue() != 0) {
        throw new LogUnreachableException(shown + " exited with " + process.exitValue() + firstLine(stderr.join()));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LogUnreachableException("reading the output of " + shown + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new LogUnreachableException("interrupted while running " + shown, e);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Drains the stream (so the command never blocks on a full pipe), keeping the first 64 KiB. */
  private static byte[] readAll(InputStream in) {
    try (in) {
      byte[] kept = in.readNBytes(64 * 1024);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return kept;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String firstLine(byte[] stderr) {
    String text = new String(stderr, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "";
    }
    String line = text.lines().findFirst().orElse("");
    return ": " + (line.length() > 300 ? line.substring(0, 300) + "…" : line);
  }
}
