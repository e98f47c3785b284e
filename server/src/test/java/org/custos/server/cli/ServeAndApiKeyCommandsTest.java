package org.custos.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.custos.server.home.HomeInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndApiKeyCommandsTest {
  @TempDir
  Path home;

  @BeforeEach
  void init() {
    HomeInitializer.init(home, HomeInitializer.Seal.KEY_FILE, Map.of());
  }

  @Test
  void serve_refusesPlainHttpOffLoopback_beforeListening_andReleasesTheInstance() {
    CliRun run = CliRun.of("serve", "--home", home.toString(), "--bind", "0.0.0.0", "--port", "0", "--http-port", "0");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("custos: plain HTTP is only allowed on a loopback address, but the server binds 0.0.0.0");
    assertThat(run.out()).doesNotContain("Serving");
    assertThat(CliRun.of("ls", "--home", home.toString()).exitCode()).as("the lock was released").isZero();
  }

  @Test
  void apikey_create_printsTheKeyOnce_list_showsIt_revoke_endsIt() {
    CliRun created = CliRun.of("apikey", "create", "--home", home.toString(), "--scope", "dicom.read,dicom.write",
        "--expires", "7", "--name", "orthanc peer");
    assertThat(created.exitCode()).as(created.err()).isZero();
    String token = created.out().lines().findFirst().orElseThrow();
    assertThat(token).matches("cst_[0-9a-f]{16}_[0-9a-f]{64}");
    String id = token.substring(4, 20);
    assertThat(created.out()).contains("  id       " + id).contains("  scopes   dicom.read dicom.write")
        .containsPattern("expires  20\\d\\d-");

    CliRun listed = CliRun.of("apikey", "list", "--home", home.toString());
    assertThat(listed.out()).contains(id).contains("active").contains("orthanc peer").contains("1 keys")
        .doesNotContain(token.substring(21));

    assertThat(CliRun.of("apikey", "revoke", "--home", home.toString(), id).out()).startsWith("revoked " + id + " at ");
    assertThat(CliRun.of("apikey", "list", "--home", home.toString()).out()).contains("revoked");
    CliRun again = CliRun.of("apikey", "revoke", "--home", home.toString(), id);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("no active API key " + id);
  }

  @Test
  void apikey_create_refusesUnknownScopesAndOddExpiries() {
    CliRun unknown = CliRun.of("apikey", "create", "--home", home.toString(), "--scope", "dicom.read,admin");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown scope 'admin' (known: dicom.read, dicom.write)");
    assertThat(CliRun.of("apikey", "create", "--home", home.toString(), "--scope", "dicom.read", "--expires", "0")
        .exitCode()).isEqualTo(1);
    assertThat(CliRun.of("apikey", "list", "--home", home.toString()).out()).contains("0 keys");
  }
}
