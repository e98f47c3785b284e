/**
 * SQL adapters of the index port ({@link org.custos.archive.index.ArchiveIndex}): {@link
 * org.custos.storage.index.SqliteIndex} (one file, the default) and {@link
 * org.custos.storage.index.PostgresIndex} (HikariCP pool). Both run the same SQL through plain
 * JDBC; {@code SqlDialect} holds the few differences (transaction statements, error codes,
 * migration folder). Flyway migrations live in {@code db/migration/sqlite} and {@code
 * db/migration/postgresql}; the schema is described in docs/formats/index.md.
 *
 * <p>Nothing here decrypts or sees PHI in the clear: rows arrive sealed and tokenised. Error
 * messages and logs name the operation and internal ids, never a bound value.
 */
package org.custos.storage.index;
