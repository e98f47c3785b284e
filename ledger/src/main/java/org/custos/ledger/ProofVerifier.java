package org.custos.ledger;

import java.security.MessageDigest;
import java.util.List;

/**
 * RFC 9162 2.1.3.2 and 2.1.4.2: checks an inclusion proof against a root, and a consistency proof
 * between two roots, without the tree. Roots are compared in constant time. Stateless.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  public static boolean verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) {
    long fn = proof.leafIndex();
    long sn = proof.treeSize() - 1;
    byte[] r = leafHash.clone();
    for (byte[] p : proof.path()) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHashes.node(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = MerkleHashes.node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  public static boolean verifyConsistency(ConsistencyProof proof, byte[] firstRoot, byte[] secondRoot) {
    List<byte[]> path = proof.path();
    long first = proof.firstSize();
    long second = proof.secondSize();
    if (first == second) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
    }
    if (first == 0) {
      return path.isEmpty() && MessageDigest.isEqual(firstRoot, MerkleHashes.empty());
    }
    if (path.isEmpty()) {
      return false;
    }
    List<byte[]> nodes = new java.util.ArrayList<>(path);
    if (Long.bitCount(first) == 1) {
      nodes.add(0, firstRoot.clone());
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = nodes.get(0);
    byte[] sr = nodes.get(0);
    for (byte[] c : nodes.subList(1, nodes.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHashes.node(c, fr);
        sr = MerkleHashes.node(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = MerkleHashes.node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
  }
}
