package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.custos.archive.lifecycle.RootKeyRotation;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custos keys rotate}: a new root key version; patient keys re-wrapped; unused versions retired. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the root key.",
    subcommands = KeysCommand.Rotate.class)
final class KeysCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Create a new root key version, re-wrap every patient key under it, retire unused versions.")
  static final class Rotate implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
        RootKeyRotation.Result result = instance.archive().rotateRootKey(done -> { });
        out.printf("root key is now %s; %d patient keys re-wrapped in %.2f s; retired: %s%n", result.newVersion(),
            result.patientKeysRewrapped(), result.elapsed().toMillis() / 1000.0,
            result.retired().isEmpty() ? "none" : result.retired());
      }
      out.flush();
      return 0;
    }
  }
}
