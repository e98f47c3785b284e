package org.custos.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  @Test
  void everyOption_isParsed_inBothForms() {
    Arguments a = Arguments.parse("r.json", "--log-key", "k", "--witness=w1", "--witness", "w2", "--min-witnesses", "1",
        "--against", "https://log.example", "--insecure-fingerprint", "ab".repeat(32), "--json");

    assertThat(a.receipt()).isEqualTo(Path.of("r.json"));
    assertThat(a.logKey()).hasValue("k");
    assertThat(a.witnesses()).containsExactly("w1", "w2");
    assertThat(a.requiredWitnesses()).isEqualTo(1);
    assertThat(a.against()).hasValue("https://log.example");
    assertThat(a.json()).isTrue();
    assertThat(Arguments.parse("r.json", "--witness", "a", "--witness", "b").requiredWitnesses()).isEqualTo(2);
  }

  @Test
  void mistakes_areUsageErrors_sayingWhat() {
    assertThatThrownBy(() -> Arguments.parse()).hasMessage("no receipt given");
    assertThatThrownBy(() -> Arguments.parse("a", "b")).hasMessage("exactly one receipt, got 2");
    assertThatThrownBy(() -> Arguments.parse("a", "--verbose")).hasMessage("unknown option --verbose");
    assertThatThrownBy(() -> Arguments.parse("a", "--log-key")).hasMessage("--log-key needs a value");
    assertThatThrownBy(() -> Arguments.parse("a", "--log-key", "x", "--log-key", "y")).hasMessage("--log-key given twice");
    assertThatThrownBy(() -> Arguments.parse("a", "--min-witnesses", "2", "--witness", "w"))
        .hasMessage("--min-witnesses 2 is more than the 1 --witness keys given");
    assertThatThrownBy(() -> Arguments.parse("a", "--min-witnesses", "two")).hasMessage("--min-witnesses is a count >= 0");
    assertThatThrownBy(() -> Arguments.parse("a", "--insecure-fingerprint", "ab")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Arguments.parse("a", "--custos", "/bin/custos")).hasMessage("--custos needs --against");
    assertThatThrownBy(() -> Arguments.parse("a", "--json=yes")).hasMessage("--json takes no value");
  }

  @Test
  void usageErrors_exit64_andHelpExits0() throws Exception {
    java.nio.file.Path receipt = java.nio.file.Files.createTempFile("receipt", ".json");
    Run noArgs = Run.of();
    Run badKey = Run.of("r.json", "--log-key", "not-a-key");
    Run missingFile = Run.of("/nonexistent/receipt.json");
    Run notAFolder = Run.of(receipt.toString(), "--against", "/nonexistent/home");
    Run pinnedHttp = Run.of(receipt.toString(), "--against", "http://log.example", "--insecure-fingerprint", "ab".repeat(32));
    java.nio.file.Files.delete(receipt);
    Run help = Run.of("--help");

    assertThat(noArgs.exitCode()).isEqualTo(64);
    assertThat(noArgs.err()).contains("custos-verify: no receipt given").contains("usage: custos-verify RECEIPT.json");
    assertThat(badKey.exitCode()).isEqualTo(64);
    assertThat(badKey.err()).contains("--log-key: a verifier key is name+hexid+base64key");
    assertThat(missingFile.exitCode()).isEqualTo(64);
    assertThat(missingFile.err()).contains("cannot read the receipt");
    assertThat(notAFolder.exitCode()).isEqualTo(64);
    assertThat(notAFolder.err()).contains("--against /nonexistent/home is neither an http(s) URL nor an instance folder");
    assertThat(pinnedHttp.exitCode()).isEqualTo(64);
    assertThat(pinnedHttp.err()).contains("--insecure-fingerprint needs an https URL");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("exit: 0 verified, 2 verification failed, 3 log unreachable, 64 usage");
  }
}
