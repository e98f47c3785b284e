package org.custos.verifier;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Picks the {@link LogSource} for a {@code --against} / {@code --log} value: an http(s) URL or an instance folder. */
final class LogSources {
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

  private LogSources() {}

  /** @param option the option that named the log, for messages ({@code --against}, {@code --log}) */
  static LogSource open(String option, String against, Optional<String> insecureFingerprint, Optional<String> custos,
      Map<String, String> env) {
    if (against.startsWith("https://") || against.startsWith("http://")) {
      if (custos.isPresent()) {
        throw new UsageException("--custos is for a local instance folder, not a URL");
      }
      if (insecureFingerprint.isPresent() && !against.startsWith("https://")) {
        throw new UsageException("--insecure-fingerprint needs an https URL");
      }
      try {
        return new HttpLogSource(URI.create(against), insecureFingerprint);
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + " " + against + " is not a valid URL");
      }
    }
    if (insecureFingerprint.isPresent()) {
      throw new UsageException("--insecure-fingerprint is for an https URL, not a folder");
    }
    Path home = Path.of(against);
    if (!Files.isDirectory(home)) {
      throw new UsageException(option + " " + against + " is neither an http(s) URL nor an instance folder");
    }
    return new CommandLogSource(CommandLogSource.resolveCommand(custos, env), home, COMMAND_TIMEOUT);
  }
}
