package org.custos.bench.orthanc;

import java.io.PrintStream;
import java.util.List;
import org.custos.bench.dicomweb.Cpu;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.Stow;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Table;

/**
 * STOW-RS ingest: 1 and 4 clients x 1 and 10 instances per request. The replicated corpus is cut
 * into four consecutive blocks, one per configuration, and each block is sent to both servers (so
 * each server ends up with the whole set, and each configuration sees the same template mix).
 */
final class StowComparison {
  private static final int[][] CONFIGURATIONS = {{1, 1}, {1, 10}, {4, 1}, {4, 10}};

  private StowComparison() {}

  static void run(Contenders servers, List<StoredFile> files, PrintStream out) throws Exception {
    Table table = new Table(out, "### STOW-RS ingest, replicated corpus (" + files.size() + " instances, "
            + Table.number(Corpus.bytes(files) / 1e6) + " MB; a quarter per configuration)",
        "clients x instances/request", "instances", "Custos instances/s", "Custos MB/s",
        "Custos CPU ms/instance (server / client)",
        "Orthanc instances/s", "Orthanc MB/s", "Orthanc CPU ms/instance (server / client)", "Custos / Orthanc", "load");
    int block = files.size() / CONFIGURATIONS.length;
    for (int k = 0; k < CONFIGURATIONS.length; k++) {
      int clients = CONFIGURATIONS[k][0];
      int perRequest = CONFIGURATIONS[k][1];
      List<StoredFile> mine = files.subList(k * block, k == CONFIGURATIONS.length - 1 ? files.size() : (k + 1) * block);
      Run[] runs = servers.measure(k, server -> Stow.store(server, Corpus.paths(mine), clients, perRequest));
      table.row(clients + " x " + perRequest, mine.size(), cells(runs[0]), cells(runs[1]),
          Table.ratio(runs[0].instancesPerSecond() / runs[1].instancesPerSecond()), Cpu.load());
    }
  }

  /** A single template, as issue 5 measured Orthanc: one configuration, both servers. */
  static void reference(Contenders servers, String what, List<StoredFile> files, int clients, int perRequest, int k,
      Table table) throws Exception {
    Run[] runs = servers.measure(k, server -> Stow.store(server, Corpus.paths(files), clients, perRequest));
    table.row(what + ", " + clients + " x " + perRequest, files.size(), cells(runs[0]), cells(runs[1]),
        Table.ratio(runs[0].instancesPerSecond() / runs[1].instancesPerSecond()), Cpu.load());
  }

  private static String cells(Run run) {
    return Table.number(run.instancesPerSecond()) + " | " + Table.number(run.mbPerSecond()) + " | "
        + Contenders.cpu(run);
  }
}
