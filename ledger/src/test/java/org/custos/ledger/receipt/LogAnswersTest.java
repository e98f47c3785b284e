package org.custos.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.custos.ledger.InMemorySubtreeHashes;
import org.custos.ledger.MerkleTree;
import org.custos.ledger.ProofVerifier;
import org.junit.jupiter.api.Test;

/** The bodies of the log's HTTP routes and of {@code custos log …}: round trips and strictness. */
class LogAnswersTest {
  @Test
  void consistencyAnswers_roundTrip_andStillVerify() {
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    for (int i = 0; i < 11; i++) {
      tree.append(("e" + i).getBytes(StandardCharsets.UTF_8));
    }
    ConsistencyAnswer answer = new ConsistencyAnswer(tree.consistencyProof(3, 11));

    ConsistencyAnswer parsed = ConsistencyAnswer.parse(answer.toJson());

    assertThat(answer.toJson()).startsWith("{\"from\":3,\"to\":11,\"proof\":[\"");
    assertThat(ProofVerifier.verifyConsistency(parsed.proof(), tree.root(3), tree.root(11))).isTrue();
    assertThatThrownBy(() -> ConsistencyAnswer.parse("{\"from\":4,\"to\":3,\"proof\":[]}"))
        .isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo("$.to"));
    assertThatThrownBy(() -> ConsistencyAnswer.parse("{\"from\":1,\"to\":3,\"proof\":[\"AAAA\"]}"))
        .isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo("$.proof[0]"));
  }

  @Test
  void successorsQueriesAndAnswers_roundTrip() {
    SignedReceipt receipt = ReceiptCodecTest.receipt();
    ReceiptEntry last = receipt.receipt().entries().get(1);
    SuccessorsQuery query = new SuccessorsQuery(last.entryHash(), 5);
    SuccessorsAnswer answer = new SuccessorsAnswer(5, receipt.receipt().entries());

    assertThat(SuccessorsQuery.parse(query.toJson())).isEqualTo(query);
    assertThat(SuccessorsAnswer.parse(answer.toJson())).isEqualTo(answer);
    assertThat(SuccessorsAnswer.parse("{\"size\":9,\"entries\":[]}").entries()).isEmpty();
    assertThatThrownBy(() -> SuccessorsAnswer.parse("{\"size\":9,\"entries\":[{}]}"))
        .isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo("$.entries[0].index"));
    assertThatThrownBy(() -> SuccessorsQuery.parse("{\"entryHash\":\"AAAA\",\"size\":1}"))
        .isInstanceOfSatisfying(LogFormatException.class, e -> assertThat(e.path()).isEqualTo("$.entryHash"));
  }
}
