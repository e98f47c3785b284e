package org.custos.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers: the Certificate Transparency reference test vectors (RFC 6962/9162 tree hashing). */
class MerkleTreeTest {
  private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
      "5051525354555657", "606162636465666768696a6b6c6d6e6f");
  private static final List<String> ROOTS = List.of(
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void rootsOfTheReferenceVectors_atEverySize() {
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    assertThat(HexFormat.of().formatHex(tree.root(0)))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    for (int i = 0; i < LEAVES.size(); i++) {
      tree.append(HexFormat.of().parseHex(LEAVES.get(i)));
      assertThat(HexFormat.of().formatHex(tree.root(i + 1))).as("size %d", i + 1).isEqualTo(ROOTS.get(i));
    }
    for (int size = 1; size <= LEAVES.size(); size++) {
      assertThat(HexFormat.of().formatHex(tree.root(size))).as("historical size %d", size).isEqualTo(ROOTS.get(size - 1));
    }
  }

  @Test
  void everyProofOfTheReferenceTree_verifies() {
    MerkleTree tree = new MerkleTree(new InMemorySubtreeHashes());
    LEAVES.forEach(leaf -> tree.append(HexFormat.of().parseHex(leaf)));
    for (int size = 1; size <= 8; size++) {
      for (int index = 0; index < size; index++) {
        InclusionProof proof = tree.inclusionProof(index, size);
        assertThat(ProofVerifier.verifyInclusion(MerkleHashes.leaf(HexFormat.of().parseHex(LEAVES.get(index))), proof,
            tree.root(size))).as("leaf %d of %d", index, size).isTrue();
      }
      for (int first = 0; first <= size; first++) {
        assertThat(ProofVerifier.verifyConsistency(tree.consistencyProof(first, size), tree.root(first), tree.root(size)))
            .as("%d -> %d", first, size).isTrue();
      }
    }
  }
}
