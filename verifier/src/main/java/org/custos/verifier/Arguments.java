package org.custos.verifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** The parsed command line of custos-verify; {@link #parse} throws {@link UsageException}. */
record Arguments(Path receipt, Optional<String> logKey, List<String> witnesses, OptionalInt minWitnesses,
    Optional<String> against, Optional<String> custos, Optional<String> insecureFingerprint, boolean json,
    boolean help) {
  static final String USAGE = String.join("\n",
      "usage: custos-verify RECEIPT.json [--log-key VKEY] [--witness VKEY]... [--min-witnesses N]",
      "                     [--against URL|DIR] [--custos PATH] [--insecure-fingerprint SHA256HEX] [--json]",
      "",
      "  --log-key VKEY          the log's verifier key you trust (name+hexid+base64); without it the",
      "                          key in the receipt is used, and the report says so",
      "  --witness VKEY          a witness (cosignature/v1) key whose cosignature the checkpoint must carry",
      "  --min-witnesses N       how many of the --witness keys must have cosigned (default: all)",
      "  --against URL|DIR       also check the live log: https://host/… or a local instance folder",
      "  --custos PATH           the custos command for DIR (default: $CUSTOS_COMMAND, else custos on PATH)",
      "  --insecure-fingerprint  accept the server's TLS certificate with this SHA-256 (hex) instead of",
      "                          the system trust store",
      "  --json                  print a machine-readable report",
      "",
      "exit: 0 verified, 2 verification failed, 3 log unreachable, 64 usage");
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F:]{64,95}");

  Arguments {
    witnesses = List.copyOf(witnesses);
  }

  int requiredWitnesses() {
    return minWitnesses.orElse(witnesses.size());
  }

  static Arguments parse(String... args) {
    List<String> positional = new ArrayList<>();
    List<String> witnesses = new ArrayList<>();
    String logKey = null;
    String against = null;
    String custos = null;
    String fingerprint = null;
    Integer min = null;
    boolean json = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        inline = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      switch (arg) {
        case "--json" -> json = flag(arg, inline);
        case "-h", "--help" -> help = flag(arg, inline);
        case "--log-key" -> logKey = once(arg, logKey, inline != null ? inline : value(args, ++i, arg));
        case "--witness" -> witnesses.add(inline != null ? inline : value(args, ++i, arg));
        case "--against" -> against = once(arg, against, inline != null ? inline : value(args, ++i, arg));
        case "--custos" -> custos = once(arg, custos, inline != null ? inline : value(args, ++i, arg));
        case "--insecure-fingerprint" ->
            fingerprint = once(arg, fingerprint, inline != null ? inline : value(args, ++i, arg));
        case "--min-witnesses" -> min = minWitnesses(min, inline != null ? inline : value(args, ++i, arg));
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw new UsageException("unknown option " + arg);
          }
          positional.add(arg);
        }
      }
    }
    if (help) {
      return new Arguments(Path.of("-"), Optional.empty(), List.of(), OptionalInt.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), json, true);
    }
    if (positional.size() != 1) {
      throw new UsageException(positional.isEmpty() ? "no receipt given" : "exactly one receipt, got " + positional.size());
    }
    if (min != null && min > witnesses.size()) {
      throw new UsageException("--min-witnesses " + min + " is more than the " + witnesses.size() + " --witness keys given");
    }
    if (fingerprint != null && !HEX_SHA256.matcher(fingerprint).matches()) {
      throw new UsageException("--insecure-fingerprint takes the certificate's SHA-256 in hex");
    }
    if ((fingerprint != null || custos != null) && against == null) {
      throw new UsageException((fingerprint != null ? "--insecure-fingerprint" : "--custos") + " needs --against");
    }
    return new Arguments(Path.of(positional.get(0)), Optional.ofNullable(logKey), witnesses,
        min == null ? OptionalInt.empty() : OptionalInt.of(min), Optional.ofNullable(against), Optional.ofNullable(custos),
        Optional.ofNullable(fingerprint), json, false);
  }

  private static boolean flag(String name, String inline) {
    if (inline != null) {
      throw new UsageException(name + " takes no value");
    }
    return true;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new UsageException(name + " needs a value");
    }
    return args[i];
  }

  private static String once(String name, String previous, String value) {
    if (previous != null) {
      throw new UsageException(name + " given twice");
    }
    return value;
  }

  private static Integer minWitnesses(Integer previous, String value) {
    once("--min-witnesses", previous == null ? null : "", value);
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new UsageException("--min-witnesses is a count >= 0");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--min-witnesses is a count >= 0");
    }
  }
}
