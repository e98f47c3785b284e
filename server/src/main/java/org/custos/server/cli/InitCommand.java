package org.custos.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.custos.server.home.HomeInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custos init}: a new instance folder with configuration, keyring and data folders. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create an instance folder: custos.conf, a keyring and the data folders.")
final class InitCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Option(names = "--passphrase", description = "seal the keyring with a passphrase ($CUSTOS_PASSPHRASE or a prompt) "
      + "instead of a key file")
  boolean passphrase;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path folder = home.resolve();
    HomeInitializer.init(folder, passphrase ? HomeInitializer.Seal.PASSPHRASE : HomeInitializer.Seal.KEY_FILE,
        System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    out.println("Initialised " + folder.toAbsolutePath());
    out.println("  configuration: " + folder.resolve("custos.conf"));
    out.println(passphrase ? "  keyring sealed by your passphrase: keep it safe, it cannot be recovered"
        : "  keyring sealed by keys/root.key (0600): back it up apart from the data; whoever has both reads everything");
    out.flush();
    return 0;
  }
}
