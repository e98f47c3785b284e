package org.custos.ledger.receipt;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.json.Json;

/**
 * The body of {@code POST /log/v1/successors}: {@code {"entryHash":"<base64>","size":N}} asks for
 * the entries of the same patient chain after the entry with that entry hash, with inclusion proofs
 * in the tree of {@code size} leaves. The entry hash is known only to holders of the entry, so it is
 * the capability for the question. Immutable.
 */
public record SuccessorsQuery(byte[] entryHash, long size) {
  public SuccessorsQuery {
    if (entryHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("an entry hash is 32 bytes, was " + entryHash.length);
    }
    if (size < 1) {
      throw new IllegalArgumentException("a tree size with the entry is >= 1, was " + size);
    }
    entryHash = entryHash.clone();
  }

  @Override
  public byte[] entryHash() {
    return entryHash.clone();
  }

  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entryHash", Base64.getEncoder().encodeToString(entryHash));
    out.put("size", size);
    return Json.write(out, false);
  }

  public static SuccessorsQuery parse(String json) {
    Members body = Members.of(Members.parseJson(json, "$"), "$").only(Set.of("entryHash", "size"));
    byte[] hash = body.base64("entryHash", MerkleHashes.SIZE);
    long size = body.nonNegative("size");
    if (size < 1) {
      throw new LogFormatException("$.size", "expected an integer >= 1");
    }
    return new SuccessorsQuery(hash, size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SuccessorsQuery q && q.size == size && java.util.Arrays.equals(q.entryHash, entryHash);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(entryHash) * 31 + Long.hashCode(size);
  }

  @Override
  public String toString() {
    return "SuccessorsQuery[size " + size + "]";
  }
}
