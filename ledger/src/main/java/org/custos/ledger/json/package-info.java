/**
 * The JSON of the log's persisted formats (log entries, receipts, log API bodies): a strict RFC 8259
 * parser into plain Java values, a writer for humans, and the RFC 8785 (JCS) canonical encoding
 * that entry hashes and receipt signatures are computed over.
 *
 * <p>The value model is deliberately small: {@code Map<String, Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Long} (integers only, |n| ≤ 2^53 − 1 so every value
 * has one canonical form and survives any I-JSON implementation), {@code Boolean} and
 * {@link org.custos.ledger.json.Json#NULL}. Fractions and exponents are refused, not rounded.
 * JDK only, like the rest of the ledger.
 */
package org.custos.ledger.json;
