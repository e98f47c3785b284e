/**
 * The transparency log's Merkle tree (RFC 9162, Certificate Transparency v2, section 2.1): leaf
 * and node hashing, tree heads, inclusion and consistency proofs and their verification, for any
 * tree size. Proofs are built from stored hashes of complete subtrees ({@link SubtreeHashes}), so
 * an append stores O(log n) hashes and a proof reads O(log^2 n) without loading the tree.
 * Checkpoints are C2SP signed notes ({@link org.custos.ledger.NoteKey}, {@link
 * org.custos.ledger.NoteKeyPair}) that witnesses cosign ({@link org.custos.ledger.Cosignature},
 * {@link org.custos.ledger.WitnessKey}); {@code json} holds the canonical JSON entries are hashed
 * in, {@code receipt} the patient's receipt and the log's answers.
 * JDK only, so that the standalone verifier can share the verification rules.
 */
package org.custos.ledger;
