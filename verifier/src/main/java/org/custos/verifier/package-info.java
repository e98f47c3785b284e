/**
 * {@code custos-verify}: checks a patient's receipt (docs/formats/receipt.md) offline — receipt
 * and checkpoint signatures, witness cosignatures, inclusion of every entry, the patient's hash
 * chain — and, with {@code --against}, the live log: no rollback, no fork, and exactly what
 * happened to each image since. Talks to the log over HTTP(S) or through the product's CLI
 * ({@link org.custos.verifier.LogSource}).
 *
 * <p>Depends on the JDK and {@code custos-ledger} only, so that anyone can read and build what
 * they run; it must never depend on the archive, its storage or any framework.
 */
package org.custos.verifier;
