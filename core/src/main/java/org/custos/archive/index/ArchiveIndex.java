package org.custos.archive.index;

import java.util.function.Function;

/**
 * Transactional access to the index. {@link #write} runs its work in one transaction and commits
 * durably before returning (SQLite: WAL with synchronous=FULL; PostgreSQL: a normal commit); an
 * exception rolls everything back. Thread-safe; a session must not escape its call.
 */
public interface ArchiveIndex extends AutoCloseable {
  <T> T write(Function<IndexSession, T> work);

  <T> T read(Function<IndexSession, T> work);

  /** Kind and location for logs (no credentials). */
  String describe();

  @Override
  void close();
}
