package org.custos.archive.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.ledger.ConsistencyProof;
import org.custos.ledger.InclusionProof;

/**
 * The log's public, read-only answers (docs/formats/receipt.md, "Querying the log"), as JSON-ready
 * maps, so that the HTTP routes under {@code /log/v1/} and the {@code custos log} commands (which
 * the verifier runs against a local instance folder) give the same bodies. None of them reveals an
 * entry to someone who does not already hold it.
 */
public final class PublicLog {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private final TransparencyLog log;

  public PublicLog(TransparencyLog log) {
    this.log = log;
  }

  /** GET /log/v1/checkpoint: the current signed checkpoint with its cosignatures (text/plain). */
  public String checkpoint() {
    return log.checkpoint().encode();
  }

  /** GET /log/v1/consistency?from=A&amp;to=B */
  public Map<String, Object> consistency(long from, long to) {
    ConsistencyProof proof = log.consistency(from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("proof", base64(proof.path()));
    return body;
  }

  /** GET /log/v1/inclusion?leaf=BASE64URL&amp;size=N */
  public Map<String, Object> inclusion(byte[] leafHash, long size) {
    InclusionProof proof = log.inclusion(leafHash, size);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index", proof.leafIndex());
    body.put("size", size);
    body.put("proof", base64(proof.path()));
    return body;
  }

  /** POST /log/v1/successors {"entryHash": BASE64, "size": N} */
  public Map<String, Object> successors(byte[] entryHash, long size) {
    return log.successors(entryHash, size);
  }

  /** POST /log/v1/cosignature (text/plain: the checkpoint with the witness's cosignature line) */
  public String cosign(String cosignedCheckpoint) {
    return log.addCosignature(cosignedCheckpoint);
  }

  private static List<Object> base64(List<byte[]> hashes) {
    List<Object> out = new ArrayList<>();
    hashes.forEach(hash -> out.add(B64.encodeToString(hash)));
    return out;
  }
}
