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

  @Option(names = "--pkcs11-library", paramLabel = "FILE",
      description = "generate the root key in a PKCS#11 token through this module (e.g. /usr/lib/softhsm/libsofthsm2.so)")
  Path pkcs11Library;

  @Option(names = "--pkcs11-slot", paramLabel = "ID", description = "the token's slot id (with --pkcs11-library)")
  Long pkcs11Slot;

  @Option(names = "--pkcs11-pin-file", paramLabel = "FILE", description = "file whose first line is the user PIN")
  Path pkcs11PinFile;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path folder = home.resolve();
    if (pkcs11Library != null) {
      if (pkcs11Slot == null || pkcs11PinFile == null || passphrase) {
        throw new CliFailure("--pkcs11-library needs --pkcs11-slot and --pkcs11-pin-file, and excludes --passphrase");
      }
      HomeInitializer.init(folder, HomeInitializer.Seal.PKCS11, java.util.Optional.of(
          new HomeInitializer.Pkcs11Setup(pkcs11Library, pkcs11Slot, pkcs11PinFile)), System.getenv());
    } else {
      HomeInitializer.init(folder, passphrase ? HomeInitializer.Seal.PASSPHRASE : HomeInitializer.Seal.KEY_FILE,
          System.getenv());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Initialised " + folder.toAbsolutePath());
    out.println("  configuration: " + folder.resolve("custos.conf"));
    out.println(pkcs11Library != null ? "  root key generated inside the PKCS#11 token (slot " + pkcs11Slot
        + "); it never leaves the token"
        : passphrase ? "  keyring sealed by your passphrase: keep it safe, it cannot be recovered"
        : "  keyring sealed by keys/root.key (0600): back it up apart from the data; whoever has both reads everything");
    out.flush();
    return 0;
  }
}
