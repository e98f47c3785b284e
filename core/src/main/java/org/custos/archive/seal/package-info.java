/**
 * The three seals taken at ingest (DESIGN.md T4; docs/formats/seals.md): SHA-256 of the stored
 * bytes, of the decoded pixel values (independent of transfer syntax) and of the identity
 * metadata. Pure functions of their input; no keys, no I/O beyond the bulk source given.
 */
package org.custos.archive.seal;
