/**
 * Ingest (DESIGN.md "Ingest, step by step"): stream-parse, reject what is malformed or lacks the
 * identifying UIDs, zero a non-TIFF preamble, seal while encrypting into the blob store, commit
 * the index rows in one transaction. Nothing is acknowledged before the blob is durable and the
 * transaction committed. Rejections name the reason, the byte offset and the tag, never values.
 */
package org.custos.archive.ingest;
