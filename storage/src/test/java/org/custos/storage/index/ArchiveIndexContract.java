package org.custos.storage.index;

import org.custos.archive.index.ArchiveIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every {@link ArchiveIndex} must do, whatever the database: every {@link
 * org.custos.archive.index.IndexSession} operation, rollback, durability across reopen and parallel
 * writers. The tests live in four parts ({@link PatientContract}, {@link CatalogueContract},
 * {@link TransactionContract}, {@link QueryContract}); an implementation's test extends this class and provides a fresh
 * empty index per test and a way to open the same store again.
 */
abstract class ArchiveIndexContract
    implements PatientContract, CatalogueContract, TransactionContract, LogContract, QueryContract, ApiKeyContract {
  private ArchiveIndex index;

  /** A new, empty index; each test gets its own store. */
  protected abstract ArchiveIndex openFresh();

  /** Opens again the store of the last {@link #openFresh} (after it was closed). */
  protected abstract ArchiveIndex reopen();

  @BeforeEach
  void openIndex() {
    index = openFresh();
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  @Override
  public ArchiveIndex index() {
    return index;
  }

  @Override
  public void reopenIndex() {
    index.close();
    index = reopen();
  }

  /** For subclass tests that must put another index in place (closed after the test). */
  protected void replaceIndex(ArchiveIndex replacement) {
    index = replacement;
  }
}
