package org.custos.ledger.receipt;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.InclusionProof;
import org.custos.ledger.LogLeaves;
import org.custos.ledger.MerkleHashes;

/**
 * A later entry of a patient's chain that the log can no longer disclose, because the patient's
 * key was destroyed (crypto-shredding): only its leaf index, its entry hash and its inclusion proof,
 * {@code {"index","entryHash","proof"}}. The chain still runs through it (the next disclosed entry
 * names its entry hash as prev), but its content and its own prev cannot be checked.
 */
public record WithheldEntry(long index, byte[] entryHash, List<byte[]> proof) {
  public WithheldEntry {
    if (index < 0) {
      throw new IllegalArgumentException("a leaf index is >= 0, was " + index);
    }
    if (entryHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("an entry hash is 32 bytes, was " + entryHash.length);
    }
    entryHash = entryHash.clone();
    proof = proof.stream().map(byte[]::clone).toList();
  }

  @Override
  public byte[] entryHash() {
    return entryHash.clone();
  }

  @Override
  public List<byte[]> proof() {
    return proof.stream().map(byte[]::clone).toList();
  }

  public byte[] leafHash() {
    return LogLeaves.leafHash(entryHash);
  }

  public InclusionProof inclusionProof(long treeSize) {
    return new InclusionProof(index, treeSize, proof);
  }

  public Map<String, Object> toJson() {
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", index);
    out.put("entryHash", b64.encodeToString(entryHash));
    out.put("proof", proof.stream().map(b64::encodeToString).toList());
    return out;
  }

  public static WithheldEntry fromJson(Object value, String path) {
    Members item = Members.of(value, path).only(Set.of("index", "entryHash", "proof"));
    long index = item.nonNegative("index");
    byte[] entryHash = item.base64("entryHash", MerkleHashes.SIZE);
    List<?> proofItems = item.array("proof");
    List<byte[]> proof = new ArrayList<>();
    for (int j = 0; j < proofItems.size(); j++) {
      proof.add(Members.base64(proofItems.get(j), item.path("proof") + "[" + j + "]", MerkleHashes.SIZE));
    }
    return new WithheldEntry(index, entryHash, proof);
  }
}
