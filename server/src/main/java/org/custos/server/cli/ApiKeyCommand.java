package org.custos.server.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.custos.archive.index.ApiKeyRow;
import org.custos.archive.principals.ApiKeys;
import org.custos.archive.principals.NewApiKey;
import org.custos.server.auth.Scope;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos apikey create|list|revoke}: the keys DICOMweb clients send as
 * {@code Authorization: Bearer cst_...}. These commands work beside a running server (they do
 * not take the instance lock); a revocation applies to the server's next request.
 */
@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
    subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Set<String> scopes(List<String> given) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String label : given) {
      String scope = label.strip();
      if (Scope.of(scope).isEmpty()) {
        throw new CliFailure("unknown scope '" + scope.replaceAll("[^\\p{Graph}]", "?") + "' (known: dicom.read, dicom.write)");
      }
      scopes.add(scope);
    }
    return scopes;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a key and print it once (first line); Custos keeps only a keyed hash of it.")
  static final class Create implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--scope", required = true, split = ",", paramLabel = "SCOPE",
        description = "dicom.read (search, retrieve) and/or dicom.write (store), comma-separated")
    List<String> scopes;

    @Option(names = "--expires", paramLabel = "DAYS", description = "valid for this many days (default: until revoked)")
    Integer days;

    @Option(names = "--name", paramLabel = "LABEL", defaultValue = "", description = "a label for lists (no patient data)")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      if (days != null && (days < 1 || days > 3650)) {
        throw new CliFailure("--expires takes 1-3650 days, was " + days);
      }
      Set<String> wanted = scopes(scopes);
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.openShared(home.resolve(), System.getenv())) {
        NewApiKey key;
        try {
          key = new ApiKeys(instance.archive().context()).create(name, wanted,
              Optional.ofNullable(days).map(d -> Duration.ofDays(d)));
        } catch (IllegalArgumentException e) {
          throw new CliFailure(e.getMessage());
        }
        out.println(key.token());
        out.println("  id       " + key.row().keyId());
        out.println("  scopes   " + String.join(" ", key.row().scopes()));
        out.println("  expires  " + key.row().expires().map(Instant::toString).orElse("never (revoke it when done)"));
        out.println("Shown once: Custos keeps only a keyed hash. Clients send: Authorization: Bearer <key>");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.openShared(home.resolve(), System.getenv())) {
        List<ApiKeyRow> keys = new ApiKeys(instance.archive().context()).list();
        out.printf("%-16s  %-8s  %-24s  %-20s  %-20s  %s%n", "id", "status", "scopes", "created", "expires", "name");
        Instant now = Instant.now();
        for (ApiKeyRow key : keys) {
          String status = key.revoked().isPresent() ? "revoked" : key.activeAt(now) ? "active" : "expired";
          out.printf("%-16s  %-8s  %-24s  %-20s  %-20s  %s%n", key.keyId(), status, String.join(" ", key.scopes()),
              key.created().toString().substring(0, 19), key.expires().map(e -> e.toString().substring(0, 19)).orElse("never"),
              key.name());
        }
        out.println(keys.size() + " keys");
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key from its next use on.")
  static final class Revoke implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(index = "0", paramLabel = "ID", description = "the key's id (the 16 hex digits after cst_)")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.openShared(home.resolve(), System.getenv())) {
        Instant when = new ApiKeys(instance.archive().context()).revoke(id.strip());
        out.println("revoked " + id.strip() + " at " + when);
      }
      out.flush();
      return 0;
    }
  }
}
