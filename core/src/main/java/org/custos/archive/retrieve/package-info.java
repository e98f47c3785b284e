/**
 * Retrieval: decrypt an instance version as a stream, re-hash it while it streams and fail closed
 * when it does not match the stored seal; random access for frames.
 */
package org.custos.archive.retrieve;
