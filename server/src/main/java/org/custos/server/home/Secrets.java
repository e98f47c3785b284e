package org.custos.server.home;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where secrets come from: a file named in the configuration (its first line), an environment
 * variable, or a prompt on the terminal. Secrets are never read from the configuration file
 * itself, nor from the command line (it shows in process listings).
 */
public final class Secrets {
  public static final String PASSPHRASE_VARIABLE = "CUSTOS_PASSPHRASE";

  private Secrets() {}

  /** The keyring passphrase: $CUSTOS_PASSPHRASE, the configured file, or a prompt. */
  public static char[] passphrase(Map<String, String> environment, Optional<Path> file, String prompt) {
    String fromEnvironment = environment.get(PASSPHRASE_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment.toCharArray();
    }
    if (file.isPresent()) {
      return readFirstLine(file.get()).toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new ConfigException("the keyring is sealed by a passphrase: set " + PASSPHRASE_VARIABLE
          + ", name a file in keys.keyring.passphrase-file, or run on a terminal");
    }
    char[] typed = console.readPassword("%s", prompt);
    if (typed == null || typed.length == 0) {
      throw new ConfigException("no passphrase given");
    }
    return typed;
  }

  public static String readFirstLine(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    } catch (IOException e) {
      throw new ConfigException("cannot read the secret file " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
