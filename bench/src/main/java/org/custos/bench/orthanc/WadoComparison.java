package org.custos.bench.orthanc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.custos.bench.dicomweb.Cpu;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Table;
import org.custos.bench.dicomweb.Wado;

/**
 * WADO-RS Retrieve Instance with 1 and 4 clients: the same instances, in the same shuffled order,
 * from both servers; latency is per instance (request sent to last byte read), and each answer is
 * checked byte for byte against the file that was stored.
 */
final class WadoComparison {
  private WadoComparison() {}

  static void run(Contenders servers, List<StoredFile> stored, int count, PrintStream out) throws Exception {
    List<StoredFile> files = new ArrayList<>(stored);
    Collections.shuffle(files, new Random(5));
    List<StoredFile> mine = files.subList(0, Math.min(count, files.size()));
    Table table = new Table(out, "### WADO-RS retrieve instance (" + mine.size() + " instances, "
            + Table.number(Corpus.bytes(mine) / 1e6) + " MB, per client count)",
        "clients", "Custos instances/s", "Custos MB/s", "Custos p50 / p99 ms",
        "Custos CPU ms/instance (server / client)",
        "Orthanc instances/s", "Orthanc MB/s", "Orthanc p50 / p99 ms", "Orthanc CPU ms/instance (server / client)",
        "Custos / Orthanc", "load");
    int k = 0;
    for (int clients : new int[] {1, 4}) {
      Run[] runs = servers.measure(k++, server -> Wado.retrieve(server, mine, clients));
      table.row(clients, cells(runs[0]), cells(runs[1]),
          Table.ratio(runs[0].instancesPerSecond() / runs[1].instancesPerSecond()), Cpu.load());
    }
  }

  private static String cells(Run run) {
    return Table.number(run.instancesPerSecond()) + " | " + Table.number(run.mbPerSecond()) + " | "
        + Table.millis(run.latencyMillis(0.50)) + " / " + Table.millis(run.latencyMillis(0.99)) + " | "
        + Contenders.cpu(run);
  }
}
