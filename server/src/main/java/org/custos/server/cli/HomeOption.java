package org.custos.server.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --home DIR}: the instance folder. Without it, {@code CUSTOS_HOME}, then
 * {@code ~/.custos}.
 */
final class HomeOption {
  @Option(names = "--home", paramLabel = "DIR",
      description = "instance folder (default: $CUSTOS_HOME, else ~/.custos)")
  Path home;

  Path resolve() {
    return resolve(System.getenv());
  }

  Path resolve(Map<String, String> environment) {
    if (home != null) {
      return home;
    }
    String fromEnvironment = environment.get("CUSTOS_HOME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Path.of(System.getProperty("user.home"), ".custos");
  }
}
