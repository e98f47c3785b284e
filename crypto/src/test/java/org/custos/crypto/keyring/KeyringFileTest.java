package org.custos.crypto.keyring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.custos.crypto.CryptoException;
import org.custos.crypto.IntegrityException;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.WrappedKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] CONTEXT = "ctx".getBytes(UTF_8);
  @TempDir
  Path directory;

  private Path keyring() {
    return directory.resolve("keyring.json");
  }

  @Test
  void wrongPassphrase_saysSoWithoutTinkInternals() {
    KeyringFile.createWithPassphrase(keyring(), "right".toCharArray(), KeyringFilePassphraseTest.CHEAP).close();
    assertThatThrownBy(() -> KeyringFile.open(keyring(), "wrong".toCharArray()))
        .isExactlyInstanceOf(IntegrityException.class)
        .hasMessage("keyring passphrase is wrong or the keyring is damaged")
        .hasNoCause();
  }

  @Test
  void wrongKeyFile_saysSo() {
    KeyringFile.createWithKeyFile(keyring(), directory.resolve("a.key")).close();
    KeyringFile.createWithKeyFile(directory.resolve("other.json"), directory.resolve("b.key")).close();
    assertThatThrownBy(() -> KeyringFile.openWithKeyFile(keyring(), directory.resolve("b.key")))
        .isExactlyInstanceOf(IntegrityException.class)
        .hasMessage("keyring key file is wrong or the keyring is damaged");
  }

  @Test
  void createdKeyFileAndKeyring_areOwnerOnly() throws IOException {
    Path keyFile = directory.resolve("root.key");
    try (KeyringFile k = KeyringFile.createWithKeyFile(keyring(), keyFile)) {
      k.rotate();
    }
    assertThat(Files.size(keyFile)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyring()))).isEqualTo("rw-------");
    try (var listing = Files.list(directory)) {
      assertThat(listing).hasSize(2);
    }
  }

  @Test
  void groupReadableKeyFile_isRefusedWithTheFix() throws IOException {
    Path keyFile = directory.resolve("root.key");
    KeyringFile.createWithKeyFile(keyring(), keyFile).close();
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r-----"));
    assertThatThrownBy(() -> KeyringFile.openWithKeyFile(keyring(), keyFile))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("accessible by group or others")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void keyFileOfTheWrongLength_isRefused() throws IOException {
    Path keyFile = directory.resolve("short.key");
    Files.write(keyFile, new byte[16]);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> KeyringFile.createWithKeyFile(keyring(), keyFile))
        .hasMessageContaining("exactly 32 bytes, holds 16");
  }

  @Test
  void existingKeyring_isNotOverwritten() {
    KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key")).close();
    assertThatThrownBy(() -> KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key")))
        .hasMessageContaining("already exists");
  }

  @Test
  void openingWithTheOtherSealingMode_saysWhichToUse() {
    KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key")).close();
    assertThatThrownBy(() -> KeyringFile.open(keyring(), "x".toCharArray())).hasMessageContaining("openWithKeyFile");
  }

  @Test
  void retire_removesTheSealedKeysetFromTheFile() throws IOException {
    KeyVersion first;
    try (KeyringFile k = KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key"))) {
      first = k.current();
      k.rotate();
      k.retire(first);
    }
    JsonNode versions = JSON.readTree(keyring().toFile()).get("versions");
    assertThat(versions.get(0).get("status").asText()).isEqualTo("retired");
    assertThat(versions.get(0).has("keyset")).isFalse();
    assertThat(versions.get(0).has("retired")).isTrue();
    assertThat(versions.get(1).get("status").asText()).isEqualTo("active");
  }

  @Test
  void sealedKeyset_movedToAnotherVersion_doesNotOpen() throws IOException {
    try (KeyringFile k = KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key"))) {
      k.rotate();
    }
    ObjectNode document = (ObjectNode) JSON.readTree(keyring().toFile());
    ObjectNode v1 = (ObjectNode) document.get("versions").get(0);
    ObjectNode v2 = (ObjectNode) document.get("versions").get(1);
    v2.set("keyset", v1.get("keyset"));
    Files.write(keyring(), JSON.writeValueAsBytes(document));
    assertThatThrownBy(() -> KeyringFile.openWithKeyFile(keyring(), directory.resolve("root.key")))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("root version 2 does not open");
  }

  @Test
  void malformedFile_isNamedWithoutItsContent() throws IOException {
    Files.writeString(keyring(), "{\"format\": \"custos-keyring/1\", \"secret\": \"s3cr3t\"");
    assertThatThrownBy(() -> KeyringFile.openWithKeyFile(keyring(), directory.resolve("root.key")))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("not valid keyring JSON")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void closedKeyring_refusesWork() {
    KeyringFile k = KeyringFile.createWithKeyFile(keyring(), directory.resolve("root.key"));
    WrappedKey wrapped = k.wrap(new byte[32], CONTEXT);
    k.close();
    assertThatThrownBy(() -> k.unwrap(wrapped, CONTEXT)).isInstanceOf(IllegalStateException.class);
    assertThat(k.toString()).contains("closed");
  }

  @Test
  void defaultCost_isTheStrongOneAndIsRecorded() throws IOException {
    char[] passphrase = "a long enough passphrase".toCharArray();
    KeyringFile.createWithPassphrase(keyring(), passphrase).close();
    JsonNode sealing = JSON.readTree(keyring().toFile()).get("sealing");
    assertThat(sealing.get("mode").asText()).isEqualTo("argon2id");
    assertThat(sealing.get("memoryKib").asInt()).isEqualTo(65536);
    assertThat(sealing.get("iterations").asInt()).isEqualTo(3);
    assertThat(sealing.get("parallelism").asInt()).isEqualTo(1);
    assertThat(sealing.get("salt").binaryValue()).hasSize(16);
    try (KeyringFile reopened = KeyringFile.open(keyring(), passphrase)) {
      assertThat(reopened.versions()).hasSize(1);
    }
  }
}
