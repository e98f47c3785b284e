package org.custos.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 4 §5: against the naive reference, for random sizes up to 10,000 and random pairs, every
 * inclusion and consistency proof equals the reference's and verifies, and every single-bit change
 * in a proof, leaf, size or root makes verification fail. A changed size is checked against the
 * root of that size, as a verifier holding checkpoints does: RFC 9162 proofs bind the size only
 * together with the root.
 */
class MerkleProofPropertiesTest {
  static final int MAX = 10_000;
  static final List<byte[]> ENTRIES = new ArrayList<>();
  static final MerkleTree TREE = new MerkleTree(new InMemorySubtreeHashes());

  static {
    for (int i = 0; i < MAX; i++) {
      byte[] entry = ByteBuffer.allocate(12).putInt(i).putLong(i * 0x9E3779B97F4A7C15L).array();
      ENTRIES.add(entry);
      TREE.append(entry);
    }
  }

  record Pair(int first, int second) {}

  @Provide
  Arbitrary<Pair> leafAndSize() {
    return Arbitraries.integers().between(1, MAX).flatMap(size ->
        Arbitraries.integers().between(0, size - 1).map(index -> new Pair(index, size)));
  }

  @Provide
  Arbitrary<Pair> sizes() {
    return Arbitraries.integers().between(0, MAX).flatMap(second ->
        Arbitraries.integers().between(0, second).map(first -> new Pair(first, second)));
  }

  @Property(tries = 200)
  void inclusionProofs_matchTheReference_andVerify(@ForAll("leafAndSize") Pair p) {
    List<byte[]> prefix = ENTRIES.subList(0, p.second());
    InclusionProof proof = TREE.inclusionProof(p.first(), p.second());
    byte[] root = NaiveMerkle.mth(prefix);

    assertThat(proof.path()).usingElementComparator(java.util.Arrays::compare)
        .containsExactlyElementsOf(NaiveMerkle.path(p.first(), prefix));
    assertThat(TREE.root(p.second())).isEqualTo(root);
    assertThat(ProofVerifier.verifyInclusion(MerkleHashes.leaf(ENTRIES.get(p.first())), proof, root)).isTrue();
  }

  @Property(tries = 200)
  void consistencyProofs_matchTheReference_andVerify(@ForAll("sizes") Pair p) {
    ConsistencyProof proof = TREE.consistencyProof(p.first(), p.second());

    assertThat(proof.path()).usingElementComparator(java.util.Arrays::compare)
        .containsExactlyElementsOf(NaiveMerkle.proof(p.first(), ENTRIES.subList(0, p.second())));
    assertThat(ProofVerifier.verifyConsistency(proof, NaiveMerkle.mth(ENTRIES.subList(0, p.first())),
        NaiveMerkle.mth(ENTRIES.subList(0, p.second())))).isTrue();
  }

  @Property(tries = 100)
  void anySingleBitChange_failsInclusion(@ForAll("leafAndSize") Pair p) {
    InclusionProof proof = TREE.inclusionProof(p.first(), p.second());
    byte[] leaf = MerkleHashes.leaf(ENTRIES.get(p.first()));
    byte[] root = TREE.root(p.second());
    for (int bit = 0; bit < 256; bit++) {
      assertThat(ProofVerifier.verifyInclusion(flip(leaf, bit), proof, root)).isFalse();
      assertThat(ProofVerifier.verifyInclusion(leaf, proof, flip(root, bit))).isFalse();
    }
    List<byte[]> path = proof.path();
    for (int i = 0; i < path.size(); i++) {
      for (int bit = 0; bit < 256; bit += 7) {
        List<byte[]> changed = new ArrayList<>(path);
        changed.set(i, flip(path.get(i), bit));
        assertThat(ProofVerifier.verifyInclusion(leaf, new InclusionProof(p.first(), p.second(), changed), root))
            .isFalse();
      }
    }
    for (int bit = 0; bit < 14; bit++) {
      long index = p.first() ^ (1L << bit);
      if (index < p.second()) {
        assertThat(ProofVerifier.verifyInclusion(leaf, new InclusionProof(index, p.second(), path), root)).isFalse();
      }
      long size = p.second() ^ (1L << bit);
      if (size > p.first() && size <= MAX) {
        // A proof binds the size only together with the root (the signed checkpoint): an RFC 9162
        // audit path of a leaf in the left subtree also fits some other sizes with the same root.
        // A verifier takes the root of the size it is told, so that is what a changed size meets.
        boolean genuine = equal(TREE.inclusionProof(p.first(), size).path(), path);
        assertThat(ProofVerifier.verifyInclusion(leaf, new InclusionProof(p.first(), size, path), TREE.root(size)))
            .isEqualTo(genuine);
        assertThat(genuine).as("a proof valid for two sizes").isFalse();
      }
    }
  }

  @Property(tries = 100)
  void anySingleBitChange_failsConsistency(@ForAll("sizes") Pair p) {
    if (p.first() == 0 || p.first() == p.second()) {
      return; // nothing to prove: the empty proof; checked by the reference vectors
    }
    ConsistencyProof proof = TREE.consistencyProof(p.first(), p.second());
    byte[] first = TREE.root(p.first());
    byte[] second = TREE.root(p.second());
    for (int bit = 0; bit < 256; bit++) {
      assertThat(ProofVerifier.verifyConsistency(proof, flip(first, bit), second)).isFalse();
      assertThat(ProofVerifier.verifyConsistency(proof, first, flip(second, bit))).isFalse();
    }
    List<byte[]> path = proof.path();
    for (int i = 0; i < path.size(); i++) {
      for (int bit = 0; bit < 256; bit += 7) {
        List<byte[]> changed = new ArrayList<>(path);
        changed.set(i, flip(path.get(i), bit));
        assertThat(ProofVerifier.verifyConsistency(new ConsistencyProof(p.first(), p.second(), changed), first, second))
            .isFalse();
      }
    }
    for (int bit = 0; bit < 14; bit++) {
      long firstSize = p.first() ^ (1L << bit);
      if (firstSize > 0 && firstSize < p.second()) {
        assertThat(ProofVerifier.verifyConsistency(new ConsistencyProof(firstSize, p.second(), path),
            TREE.root(firstSize), second)).isFalse();
      }
      long secondSize = p.second() ^ (1L << bit);
      if (secondSize > p.first() && secondSize <= MAX) {
        assertThat(ProofVerifier.verifyConsistency(new ConsistencyProof(p.first(), secondSize, path), first,
            TREE.root(secondSize))).isFalse();
      }
    }
  }

  private static boolean equal(List<byte[]> a, List<byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8 % copy.length] ^= (byte) (1 << (bit % 8));
    return copy;
  }

}
