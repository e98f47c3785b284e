package org.custos.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.custos.server.http.ServerSettings;
import org.custos.server.http.tls.TlsSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigTest {
  @TempDir
  Path home;

  ConfigFile config(Map<String, String> environment, String... lines) throws Exception {
    Files.writeString(home.resolve(ConfigFile.NAME), String.join("\n", lines) + "\n");
    return ConfigFile.load(home, environment);
  }

  ServerSettings server(String... lines) throws Exception {
    return WebConfig.server(home, config(Map.of(), lines), WebConfig.Overrides.none());
  }

  @Test
  void defaults_areLoopbackHttps8443_selfSigned_4GiB_30s_noCors() throws Exception {
    ServerSettings settings = server();
    assertThat(settings.bind()).isEqualTo("127.0.0.1");
    assertThat(settings.httpsPort()).isEqualTo(8443);
    assertThat(settings.httpPort()).isEmpty();
    assertThat(settings.tls()).isEqualTo(new TlsSource.SelfSigned(home.resolve("tls")));
    assertThat(settings.stowMaxRequestBytes()).isEqualTo(4L << 30);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.corsAllowedOrigins()).isEmpty();
    assertThat(WebConfig.jwt(home, config(Map.of()))).isEmpty();
  }

  @Test
  void everyKey_isRead_andTheEnvironmentAndCommandLineOverride() throws Exception {
    ConfigFile config = config(Map.of("CUSTOS_SERVER_HTTPS_PORT", "9443"), "server.bind=0.0.0.0", "server.https-port=1",
        "server.tls.certificate=tls/chain.pem", "server.tls.private-key=tls/key.pem",
        "server.cors.allowed-origins=https://ohif.example, http://localhost:3000",
        "server.stow.max-request-bytes=1_000_000", "server.shutdown-timeout-seconds=5",
        "auth.jwt.issuer=https://idp.example", "auth.jwt.audience=custos", "auth.jwt.jwks-url=https://idp.example/jwks");
    ServerSettings settings = WebConfig.server(home, config, WebConfig.Overrides.none());
    assertThat(settings.bind()).isEqualTo("0.0.0.0");
    assertThat(settings.httpsPort()).isEqualTo(9443);
    assertThat(settings.tls()).isEqualTo(new TlsSource.Pem(home.resolve("tls/chain.pem"), home.resolve("tls/key.pem")));
    assertThat(settings.corsAllowedOrigins()).containsExactly("https://ohif.example", "http://localhost:3000");
    assertThat(settings.stowMaxRequestBytes()).isEqualTo(1_000_000);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(WebConfig.jwt(home, config).orElseThrow().audience()).isEqualTo("custos");

    ServerSettings overridden = WebConfig.server(home, config, new WebConfig.Overrides(Optional.of("127.0.0.1"),
        OptionalInt.of(0), OptionalInt.of(8080)));
    assertThat(overridden.bind()).isEqualTo("127.0.0.1");
    assertThat(overridden.httpsPort()).isZero();
    assertThat(overridden.httpPort()).hasValue(8080);
  }

  @Test
  void plainHttp_onANonLoopbackAddress_isRefusedWithAClearMessage() {
    assertThatThrownBy(() -> server("server.bind=0.0.0.0", "server.http-port=8080"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("plain HTTP is only allowed on a loopback address")
        .hasMessageContaining("0.0.0.0");
    assertThatThrownBy(() -> WebConfig.server(home, config(Map.of(), "server.bind=192.0.2.7"),
        new WebConfig.Overrides(Optional.empty(), OptionalInt.empty(), OptionalInt.of(0))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("loopback");
  }

  @Test
  void badValues_nameTheKey() throws Exception {
    assertThatThrownBy(() -> server("server.https-port=eighty")).hasMessageContaining("server.https-port");
    assertThatThrownBy(() -> server("server.https-port=70000")).hasMessageContaining("0-65535");
    assertThatThrownBy(() -> server("server.stow.max-request-bytes=0")).hasMessageContaining("at least 1 byte");
    assertThatThrownBy(() -> server("server.cors.allowed-origins=https://ohif.example/viewer"))
        .hasMessageContaining("without a path");
    assertThatThrownBy(() -> server("server.tls.pkcs12=a.p12", "server.tls.certificate=c.pem"))
        .hasMessageContaining("either");
    assertThatThrownBy(() -> server("server.tls.certificate=c.pem")).hasMessageContaining("go together");
    assertThatThrownBy(() -> config(Map.of(), "server.htps-port=1")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key");
    assertThatThrownBy(() -> WebConfig.jwt(home, config(Map.of(), "auth.jwt.issuer=https://idp.example")))
        .hasMessageContaining("auth.jwt.audience");
    assertThatThrownBy(() -> WebConfig.jwt(home, config(Map.of(), "auth.jwt.issuer=i", "auth.jwt.audience=a")))
        .hasMessageContaining("exactly one");
    assertThat(List.of(ConfigKeys.ALL.size())).containsExactly(39);
  }
}
