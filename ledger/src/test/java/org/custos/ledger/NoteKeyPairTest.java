package org.custos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteKeyPairTest {
  @Test
  void thePublicKeyOfAStoredPrivateKey_isRfc8032s() {
    NoteKeyPair pair = NoteKeyPair.logKey("test", CosignatureTest.pkcs8(CosignatureTest.RFC8032_TEST1_SEED));

    assertThat(pair.noteKey().publicKey()).isEqualTo(CosignatureTest.RFC8032_TEST1_PUBLIC);
    assertThat(pair.verifierKey()).isEqualTo("test+05688f09+AddamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea");
    assertThat(NoteKey.parse(pair.verifierKey())).isEqualTo(pair.noteKey()); // a '+' inside the base64
    // RFC 8032 7.1 TEST 1: the signature of the empty message.
    assertThat(HexFormat.of().formatHex(pair.signMessage(new byte[0]))).isEqualTo(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  }

  @Test
  void aGeneratedLogKey_signsNotesItsVerifierKeyAccepts() {
    NoteKeyPair log = NoteKeyPair.generateLogKey("custos.example/log");
    String text = "custos.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";

    SignedNote note = new SignedNote(text, List.of(log.sign(text)));

    assertThat(SignedNote.parse(note.encode()).verifiedBy(NoteKey.parse(log.verifierKey()))).isTrue();
    assertThat(NoteKeyPair.logKey(log.name(), log.privateKeyPkcs8()).verifierKey()).isEqualTo(log.verifierKey());
    assertThat(log.noteKey().verifiesMessage("m".getBytes(StandardCharsets.UTF_8),
        log.signMessage("m".getBytes(StandardCharsets.UTF_8)))).isTrue();
  }

  @Test
  void garbage_isNotAPrivateKey() {
    assertThatThrownBy(() -> NoteKeyPair.logKey("x", new byte[48])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PKCS#8");
    assertThatThrownBy(() -> NoteKeyPair.generateLogKey("a b")).hasMessageContaining("without spaces");
  }
}
