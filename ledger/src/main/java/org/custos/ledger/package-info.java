/**
 * The transparency log's Merkle tree (RFC 9162, Certificate Transparency v2, section 2.1): leaf
 * and node hashing, tree heads, inclusion and consistency proofs and their verification, for any
 * tree size. Proofs are built from stored hashes of complete subtrees ({@link SubtreeHashes}), so
 * an append stores O(log n) hashes and a proof reads O(log^2 n) without loading the tree.
 * JDK only, so that the standalone verifier can share the verification rules.
 */
package org.custos.ledger;
