package org.custos.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.ledger.NoteKey;
import org.custos.ledger.WitnessKey;
import org.custos.ledger.receipt.LogFormatException;
import org.custos.ledger.receipt.SignedReceipt;

/**
 * One run of custos-verify: arguments, the receipt, the offline checks, the live log if asked,
 * and the report. Returns the exit code instead of exiting, so tests run it in-process.
 */
final class CustosVerify {

  private CustosVerify() {}

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    Arguments arguments;
    TrustedKeys keys;
    String receiptText;
    Optional<LogSource> source;
    try {
      arguments = Arguments.parse(args);
      if (arguments.help()) {
        out.println(Arguments.USAGE);
        return ExitCode.VERIFIED;
      }
      keys = TrustedKeys.of(arguments);
      receiptText = read(arguments.receipt());
      source = arguments.against().isPresent() ? Optional.of(source(arguments, env)) : Optional.empty();
    } catch (UsageException e) {
      err.println("custos-verify: " + e.getMessage());
      err.println(Arguments.USAGE);
      return ExitCode.USAGE;
    }
    Report report = new Report();
    verify(arguments, keys, receiptText, source, report);
    out.print(arguments.json() ? report.json() : report.text());
    return report.exitCode();
  }

  private static void verify(Arguments arguments, TrustedKeys keys, String receiptText, Optional<LogSource> source,
      Report report) {
    SignedReceipt signed;
    try {
      signed = org.custos.ledger.receipt.ReceiptCodec.parse(receiptText);
    } catch (LogFormatException e) {
      report.fail(ReceiptCheck.RECEIPT, "format", "not a valid custos-receipt/1 document: " + e.getMessage());
      return;
    }
    TrustedKey trusted = keys.logKey().map(key -> new TrustedKey(key, false))
        .orElseGet(() -> new TrustedKey(signed.receipt().logKey(), true));
    ChainCheck.Result chain = ReceiptCheck.run(signed, trusted, keys.witnesses(), arguments.requiredWitnesses(), report);
    if (source.isEmpty()) {
      return;
    }
    try {
      LiveCheck.run(source.get(), signed.receipt(), chain, trusted, keys.witnesses(), arguments.requiredWitnesses(), report);
    } catch (LogUnreachableException e) {
      report.unreachable(e.getMessage());
    } catch (LogAnswerException e) {
      report.fail(LiveCheck.LIVE, "answer", e.getMessage());
    }
  }

  private static LogSource source(Arguments arguments, Map<String, String> env) {
    return LogSources.open("--against", arguments.against().orElseThrow(), arguments.insecureFingerprint(),
        arguments.custos(), env);
  }

  private static String read(Path receipt) {
    try {
      return Files.readString(receipt, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read the receipt " + receipt + ": " + e.getClass().getSimpleName());
    }
  }

  /** The keys given on the command line, parsed; a malformed one is a usage error. */
  record TrustedKeys(Optional<NoteKey> logKey, List<WitnessKey> witnesses) {
    static TrustedKeys of(Arguments arguments) {
      NoteKey logKey = null;
      if (arguments.logKey().isPresent()) {
        try {
          logKey = NoteKey.parse(arguments.logKey().get());
        } catch (IllegalArgumentException e) {
          throw new UsageException("--log-key: " + e.getMessage());
        }
      }
      List<WitnessKey> witnesses = new ArrayList<>();
      for (String vkey : arguments.witnesses()) {
        try {
          witnesses.add(WitnessKey.parse(vkey));
        } catch (IllegalArgumentException e) {
          throw new UsageException("--witness: " + e.getMessage());
        }
      }
      return new TrustedKeys(Optional.ofNullable(logKey), List.copyOf(witnesses));
    }
  }
}
