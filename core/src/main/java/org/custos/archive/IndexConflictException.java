package org.custos.archive;

/**
 * A write lost a race: a concurrent writer committed the same unique key first (another node on
 * PostgreSQL, or parallel parts of one STOW-RS request creating the same study). Nothing of the
 * failed transaction remains; running the work again sees the other writer's row.
 */
public class IndexConflictException extends StorageException {
  public IndexConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
