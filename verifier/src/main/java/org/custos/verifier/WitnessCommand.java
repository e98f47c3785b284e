package org.custos.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.ledger.NoteKey;

/**
 * {@code custos witness init --state DIR --name NAME} and {@code custos witness run --state DIR
 * --log-key VKEY --log URL|DIR [--once] [--interval SECONDS] [--insecure-fingerprint SHA256]
 * [--custos PATH]}. Exit codes: 0 cosigned or unchanged, 6 alarm (with --once), 3 log unreachable,
 * 64 usage.
 */
public final class WitnessCommand {
  static final String USAGE = String.join("\n",
      "usage: witness init --state DIR --name NAME",
      "       witness run --state DIR --log-key VKEY --log URL|DIR [--once] [--interval SECONDS]",
      "                   [--insecure-fingerprint SHA256HEX] [--custos PATH]",
      "",
      "init   creates the witness key in DIR and prints its verifier key: add it to the log's log.witnesses.",
      "run    polls the log; cosigns each checkpoint that extends the last one it cosigned; prints",
      "       ALARM and cosigns nothing when the log was rolled back or forked (exit 6 with --once).");
  static final int ALARM = 6;

  private WitnessCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    try {
      List<String> rest = new ArrayList<>(List.of(args));
      if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
        out.println(USAGE);
        return rest.isEmpty() ? ExitCode.USAGE : ExitCode.VERIFIED;
      }
      String verb = rest.remove(0);
      Map<String, String> options = new java.util.HashMap<>();
      boolean once = false;
      for (int i = 0; i < rest.size(); i++) {
        String option = rest.get(i);
        if (option.equals("--once")) {
          once = true;
          continue;
        }
        if (!option.startsWith("--") || i + 1 >= rest.size()) {
          throw new UsageException("unexpected argument '" + option + "'\n" + USAGE);
        }
        options.put(option, rest.get(++i));
      }
      Path state = Path.of(required(options, "--state"));
      if (verb.equals("init")) {
        out.println(Witness.init(state, required(options, "--name")));
        return ExitCode.VERIFIED;
      }
      if (!verb.equals("run")) {
        throw new UsageException("unknown witness command '" + verb + "'\n" + USAGE);
      }
      NoteKey logKey;
      try {
        logKey = NoteKey.parse(required(options, "--log-key"));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--log-key is not a log verifier key: " + e.getMessage());
      }
      LogSource source = Witness.source(required(options, "--log"),
          Optional.ofNullable(options.get("--insecure-fingerprint")), Optional.ofNullable(options.get("--custos")), env);
      Witness witness = new Witness(Witness.load(state), logKey, source, state, Clock.systemUTC(), out);
      Duration interval = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--interval", "60")));
      while (true) {
        Witness.Outcome outcome;
        try {
          outcome = witness.poll();
        } catch (LogUnreachableException | LogAnswerException e) {
          err.println("witness: " + e.getMessage());
          if (once) {
            return e instanceof LogUnreachableException ? ExitCode.UNREACHABLE : ExitCode.FAILED;
          }
          outcome = null;
        }
        if (once) {
          return outcome == Witness.Outcome.ALARM ? ALARM : ExitCode.VERIFIED;
        }
        Thread.sleep(interval.toMillis());
      }
    } catch (UsageException e) {
      err.println("witness: " + e.getMessage());
      return ExitCode.USAGE;
    } catch (NumberFormatException e) {
      err.println("witness: --interval takes whole seconds");
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("witness: " + e.getMessage());
      return ExitCode.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.VERIFIED;
    }
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new UsageException("missing " + name + "\n" + USAGE);
    }
    return value;
  }
}
