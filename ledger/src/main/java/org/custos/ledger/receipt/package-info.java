/**
 * The patient's receipt (docs/formats/receipt.md) and the log entries it carries
 * (docs/formats/log-entry.md): the {@link org.custos.ledger.receipt.Receipt} value, its strict JSON
 * codec, its Ed25519 signature by the log key, and {@link org.custos.ledger.receipt.LogEntryView}, a
 * typed reading of one entry. Entries stay the JSON maps they were hashed as, so that a verifier
 * recomputes the entry hash over exactly what the log committed to. No verification policy lives
 * here (chain, inclusion, witnesses): that is the verifier's. JDK only.
 */
package org.custos.ledger.receipt;
