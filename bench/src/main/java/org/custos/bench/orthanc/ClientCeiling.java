package org.custos.bench.orthanc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.custos.bench.dicomweb.Cpu;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Stow;
import org.custos.bench.dicomweb.Table;
import org.custos.bench.dicomweb.Wado;

/**
 * What the clients can do against a server that does nothing ({@link Sink}), over plain HTTP (as
 * with Orthanc) and HTTPS (as with Custos), with the heaviest client settings of the run: if these
 * rates are well above both servers', the clients are not what limits the figures.
 */
final class ClientCeiling {
  private ClientCeiling() {}

  static void run(List<StoredFile> files, Path folder, PrintStream out) throws Exception {
    Table table = new Table(out, "### Client ceiling: the same clients against a do-nothing endpoint in the harness ("
            + files.size() + " instances, " + Table.number(Corpus.bytes(files) / 1e6) + " MB)",
        "endpoint", "STOW 4 x 10 instances/s", "STOW MB/s", "STOW harness CPU ms/instance",
        "WADO 4 clients instances/s", "WADO MB/s", "WADO p50 / p99 ms", "WADO harness CPU ms/instance", "load");
    for (boolean tls : new boolean[] {false, true}) {
      try (Sink sink = tls ? Sink.tls(files, folder) : Sink.plain(files)) {
        Stow.store(sink, Corpus.paths(files), 4, 10); // warm-up
        Run stow = Stow.store(sink, Corpus.paths(files), 4, 10);
        Wado.retrieve(sink, files, 4);
        Run wado = Wado.retrieve(sink, files, 4);
        table.row(tls ? "HTTPS (TLS 1.3)" : "HTTP", Table.number(stow.instancesPerSecond()),
            Table.number(stow.mbPerSecond()), Table.number(stow.clientCpuMillisPerInstance()),
            Table.number(wado.instancesPerSecond()), Table.number(wado.mbPerSecond()),
            Table.millis(wado.latencyMillis(0.50)) + " / " + Table.millis(wado.latencyMillis(0.99)),
            Table.number(wado.clientCpuMillisPerInstance()), Cpu.load());
      }
    }
  }
}
