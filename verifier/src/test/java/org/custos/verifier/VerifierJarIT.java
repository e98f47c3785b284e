package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code custos-verify.jar}: one runnable jar that holds our classes and nothing
 * else (so it stays JDK-only and auditable), and runs a receipt end to end in its own JVM.
 */
class VerifierJarIT {
  static final Path JAR = Path.of("target", "custos-verify.jar");

  @TempDir
  Path dir;

  @Test
  void theJar_holdsOnlyCustosClassesAndMetaInf_includingTheLedger() throws Exception {
    List<String> names;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.custos.verifier.Main");
    }

    assertThat(names).allMatch(n -> n.startsWith("org/custos/") || n.startsWith("META-INF/") || n.equals("org/"),
        "only org/custos/** and META-INF");
    assertThat(names).contains("org/custos/verifier/Main.class", "org/custos/ledger/ProofVerifier.class",
        "org/custos/ledger/json/CanonicalJson.class", "org/custos/ledger/receipt/ReceiptCodec.class");
  }

  @Test
  void theJar_verifiesAReceipt_inItsOwnJvm() throws Exception {
    FakeLog log = new FakeLog("custos.test/log", 1);
    log.stored("pk-a", "2.25.7", 1, FakeLog.pixel("a"));
    Path receipt = dir.resolve("receipt.json");
    Files.writeString(receipt, log.receiptJson("pk-a", 1));

    Process good = java(receipt.toString(), "--log-key", log.key.verifierKey(), "--witness",
        log.witnesses.get(0).verifierKey());
    String out = new String(good.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Process wrongKey = java(receipt.toString(), "--log-key",
        org.custos.ledger.NoteKeyPair.generateLogKey("custos.test/log").verifierKey());
    wrongKey.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());

    assertThat(good.waitFor()).as(out).isZero();
    assertThat(out).contains("2.25.7 version 1 stored").contains("…").contains("Result: verified");
    assertThat(wrongKey.waitFor()).isEqualTo(2);
  }

  private static Process java(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
