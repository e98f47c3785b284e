package org.custos.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.custos.archive.log.PublicLog;
import org.custos.ledger.json.Json;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos log …}: the transparency log's public queries on a local instance, printing exactly
 * the bodies of the HTTP routes under {@code /log/v1/} (docs/formats/receipt.md). The standalone
 * verifier and {@code custos witness} run these when pointed at an instance folder.
 */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Query the transparency log of a local instance.",
    subcommands = {LogCommand.CheckpointQuery.class, LogCommand.Key.class, LogCommand.Consistency.class,
        LogCommand.Inclusion.class, LogCommand.Successors.class, LogCommand.Cosign.class})
final class LogCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Opens the instance, answers, prints the answer as given (text) or as JSON (maps). */
  abstract static class Query implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    abstract Object answer(CustosInstance instance);

    @Override
    public Integer call() {
      Object answer;
      try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
        answer = answer(instance);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(answer instanceof String text ? text : Json.write(answer, false) + "\n");
      out.flush();
      return 0;
    }

    static PublicLog log(CustosInstance instance) {
      return new PublicLog(instance.archive().log());
    }

    static byte[] base64(String value, String option) {
      try {
        return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_'));
      } catch (IllegalArgumentException e) {
        throw new CliFailure(option + " is not base64: " + e.getMessage());
      }
    }
  }

  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = "Print the current signed checkpoint (C2SP signed note) with its witness cosignatures.")
  static final class CheckpointQuery extends Query {
    @Override
    Object answer(CustosInstance instance) {
      return log(instance).checkpoint();
    }
  }

  @Command(name = "key", mixinStandardHelpOptions = true,
      description = "Print the log's verifier key (give it to witnesses and to verifiers as --log-key).")
  static final class Key extends Query {
    @Override
    Object answer(CustosInstance instance) {
      return instance.archive().log().verifierKey().verifierKey() + "\n";
    }
  }

  @Command(name = "consistency", mixinStandardHelpOptions = true,
      description = "RFC 9162 consistency proof between two tree sizes (JSON).")
  static final class Consistency extends Query {
    @Option(names = "--from", required = true, paramLabel = "SIZE")
    long from;

    @Option(names = "--to", required = true, paramLabel = "SIZE")
    long to;

    @Override
    Object answer(CustosInstance instance) {
      return log(instance).consistency(from, to);
    }
  }

  @Command(name = "inclusion", mixinStandardHelpOptions = true,
      description = "RFC 9162 inclusion proof of a leaf hash at a tree size (JSON).")
  static final class Inclusion extends Query {
    @Option(names = "--leaf", required = true, paramLabel = "BASE64", description = "the leaf hash")
    String leaf;

    @Option(names = "--size", required = true, paramLabel = "SIZE")
    long size;

    @Override
    Object answer(CustosInstance instance) {
      return log(instance).inclusion(base64(leaf, "--leaf"), size);
    }
  }

  @Command(name = "successors", mixinStandardHelpOptions = true,
      description = "The entries that followed an entry in its patient's chain, with proofs at a size (JSON).")
  static final class Successors extends Query {
    @Option(names = "--entry-hash", required = true, paramLabel = "BASE64")
    String entryHash;

    @Option(names = "--size", required = true, paramLabel = "SIZE")
    long size;

    @Override
    Object answer(CustosInstance instance) {
      return log(instance).successors(base64(entryHash, "--entry-hash"), size);
    }
  }

  @Command(name = "cosign", mixinStandardHelpOptions = true,
      description = "Accept a witness cosignature: reads the cosigned checkpoint note on standard input.")
  static final class Cosign extends Query {
    @Override
    Object answer(CustosInstance instance) {
      String note;
      try {
        note = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliFailure("could not read the cosigned checkpoint from standard input: " + e.getMessage());
      }
      return "accepted cosignature of witness " + log(instance).cosign(note) + "\n";
    }
  }

}
