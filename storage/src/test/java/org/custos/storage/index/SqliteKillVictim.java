package org.custos.storage.index;

import java.nio.file.Path;
import org.custos.archive.index.PatientRow;

/**
 * The child process of {@link SqliteIndexKillTest}: writes patients until it is killed, printing
 * each patient id on stdout only after the write that stored it has returned.
 */
final class SqliteKillVictim {
  private SqliteKillVictim() {}

  public static void main(String[] args) {
    SqliteIndex index = SqliteIndex.open(Path.of(args[0]));
    while (true) {
      PatientRow p = SampleRows.patient();
      index.write(
          s -> {
            s.insertPatient(p);
            return null;
          });
      System.out.println(p.patientId());
      System.out.flush();
    }
  }
}
