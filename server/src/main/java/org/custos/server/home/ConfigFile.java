package org.custos.server.home;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code custos.conf}: Java properties (documented in the file {@code custos init} writes and in
 * docs/configuration.md). Every key can be overridden by an environment variable named
 * {@code CUSTOS_} + the key in upper case with dots and dashes as underscores
 * ({@code index.kind} → {@code CUSTOS_INDEX_KIND}). Unknown keys are an error, so a typo never
 * silently falls back to a default.
 */
public final class ConfigFile {
  public static final String NAME = "custos.conf";

  private final Properties values;
  private final Map<String, String> environment;

  private ConfigFile(Properties values, Map<String, String> environment) {
    this.values = values;
    this.environment = environment;
  }

  public static ConfigFile load(Path home, Map<String, String> environment) {
    Path file = home.resolve(NAME);
    Properties properties = new Properties();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("no " + NAME + " in " + home + ": run `custos init --home " + home + "` first");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
    unknown.removeAll(ConfigKeys.ALL);
    if (!unknown.isEmpty()) {
      throw new ConfigException("unknown key(s) in " + file + ": " + String.join(", ", unknown)
          + " (known: see docs/configuration.md)");
    }
    return new ConfigFile(properties, environment);
  }

  public static String environmentName(String key) {
    return "CUSTOS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> get(String key) {
    String fromEnvironment = environment.get(environmentName(key));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(fromEnvironment.strip());
    }
    return Optional.ofNullable(values.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
  }

  public String require(String key) {
    return get(key).orElseThrow(() -> new ConfigException("configuration key " + key + " (or "
        + environmentName(key) + ") is required"));
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }

  public String oneOf(String key, String fallback, Set<String> allowed) {
    String value = get(key, fallback);
    if (!allowed.contains(value)) {
      throw new ConfigException("configuration key " + key + " must be one of " + new TreeSet<>(allowed)
          + ", was '" + value + "'");
    }
    return value;
  }
}
