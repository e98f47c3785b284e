package org.custos.ledger.receipt;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.MerkleHashes;
import org.custos.ledger.json.Json;

/**
 * The log's answer to {@code GET /log/v1/consistency?from=A&to=B} (and {@code custos log
 * consistency}): {@code {"from":A,"to":B,"proof":["<base64 hash>", …]}}, an RFC 9162 consistency
 * proof. Immutable.
 */
public record ConsistencyAnswer(ConsistencyProof proof) {
  public String toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", proof.firstSize());
    out.put("to", proof.secondSize());
    out.put("proof", proof.path().stream().map(Base64.getEncoder()::encodeToString).toList());
    return Json.write(out, false);
  }

  public static ConsistencyAnswer parse(String json) {
    Members body = Members.of(Members.parseJson(json, "$"), "$").only(Set.of("from", "to", "proof"));
    long from = body.nonNegative("from");
    long to = body.nonNegative("to");
    if (from > to) {
      throw new LogFormatException("$.to", "must be >= from");
    }
    List<?> items = body.array("proof");
    List<byte[]> path = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      path.add(Members.base64(items.get(i), "$.proof[" + i + "]", MerkleHashes.SIZE));
    }
    return new ConsistencyAnswer(new ConsistencyProof(from, to, path));
  }
}
