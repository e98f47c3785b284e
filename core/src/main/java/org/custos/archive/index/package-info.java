/**
 * The index port: what the archive keeps about patients, studies, series and instance versions.
 * Rows hold PHI only as ciphertext sealed under the patient's key ({@code *Sealed} fields) and
 * exact-match search keys only as blind-index tokens; the clear columns (dates, modality, SOP
 * class, transfer syntax, sizes, seals) are listed in docs/formats/index.md with what they leak.
 * Implementations (SQLite, PostgreSQL) live in the storage module and share one contract test.
 */
package org.custos.archive.index;
