/**
 * Read access to the encrypted archive for the query and retrieval services (QIDO-RS, WADO-RS):
 * {@link org.custos.archive.query.QuerySession} finds rows by blind-index token or clear column
 * and opens their sealed fields; {@link org.custos.archive.query.InstanceBytes} reads stored
 * instances, failing closed.
 *
 * <p>What must not live here: DICOM matching semantics (wildcards, ranges: the web layer's QIDO
 * code), HTTP, and anything that logs opened values. Cost model: a token or clear-column lookup
 * is one indexed statement; every opened field is one AEAD decryption under the patient key
 * (keys are cached). Nothing here reads a blob except {@code InstanceBytes}.
 */
package org.custos.archive.query;
