package org.custos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP signed notes and checkpoints: the Go sumdb note package's published example, and round trips. */
class SignedNoteTest {
  private static final String GO_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_NOTE = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n"
      + "\n"
      + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void theGoReferenceNote_parsesAndVerifies_andAnyEditFails() {
    NoteKey key = NoteKey.parse(GO_KEY);
    SignedNote note = SignedNote.parse(GO_NOTE);

    assertThat(key.verifierKey()).isEqualTo(GO_KEY);
    assertThat(note.encode()).isEqualTo(GO_NOTE);
    assertThat(note.verifiedBy(key)).isTrue();
    assertThat(SignedNote.parse(GO_NOTE.replace("answer", "Answer")).verifiedBy(key)).isFalse();
  }

  @Test
  void aSignedCheckpoint_roundTrips_andVerifiesOnlyWithItsKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] raw = pair.getPublic().getEncoded();
    NoteKey key = new NoteKey("custos.example/log", Arrays.copyOfRange(raw, raw.length - 32, raw.length));
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    tree.append("entry".getBytes(StandardCharsets.UTF_8));
    Checkpoint checkpoint = new Checkpoint("custos.example/log", 1, tree.root(1), List.of());
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(pair.getPrivate());
    signer.update(checkpoint.text().getBytes(StandardCharsets.UTF_8));
    SignedNote note = new SignedNote(checkpoint.text(),
        List.of(new NoteSignature(key.name(), key.keyId(), signer.sign())));

    SignedNote parsed = SignedNote.parse(note.encode());

    assertThat(parsed.verifiedBy(key)).isTrue();
    assertThat(Checkpoint.parse(parsed.text()).rootHash()).isEqualTo(tree.root(1));
    assertThat(Checkpoint.parse(parsed.text()).size()).isEqualTo(1);
    assertThat(parsed.verifiedBy(NoteKey.parse(GO_KEY))).isFalse();
    assertThat(SignedNote.parse(note.encode().replace("\n1\n", "\n2\n")).verifiedBy(key)).isFalse();
  }

  @Test
  void malformedNotes_areRefused_sayingWhere() {
    assertThatThrownBy(() -> SignedNote.parse("text\n")).hasMessageContaining("blank line");
    assertThatThrownBy(() -> SignedNote.parse("text\n\n- name AAAA\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> Checkpoint.parse("origin\n01\nAAAA\n")).hasMessageContaining("canonical");
  }
}
