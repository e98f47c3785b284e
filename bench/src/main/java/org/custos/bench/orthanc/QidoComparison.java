package org.custos.bench.orthanc;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.bench.dicomweb.Cpu;
import org.custos.bench.dicomweb.DicomWebServer;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.Table;

/**
 * QIDO-RS study searches, one client, one query at a time, taking turns between the servers query
 * by query. For each kind: a few unmeasured queries, then {@code count} measured ones; latency is
 * request sent to last byte read. The number of studies in each answer is checked against the
 * population's count; a search that returns the wrong studies fast would not be a result.
 */
final class QidoComparison {
  private static final Pattern STUDY = Pattern.compile("\"0020000D\"\\s*:");
  private static final int WARM_UP = 10;

  private QidoComparison() {}

  static void run(Contenders servers, Population population, List<String> modalities, int count, PrintStream out)
      throws Exception {
    Table table = new Table(out, "### QIDO-RS study search (" + population.studies().size() + " studies of "
            + population.patients() + " patients; limit=" + Search.LIMIT + "; " + count
            + " queries per kind, one client)",
        "search", "matches (mean)", "Custos p50 / p99 ms", "Custos server CPU ms/query", "Custos right counts",
        "Orthanc p50 / p99 ms", "Orthanc server CPU ms/query", "Orthanc right counts", "Custos / Orthanc (p99)",
        "load");
    Random random = new Random(7);
    HttpClient[] clients = {servers.custos().newClient(), servers.orthanc().newClient()};
    for (Search.Kind kind : Search.Kind.values()) {
      List<Search> warmUp = Search.draw(kind, WARM_UP, population, modalities, random);
      List<Search> searches = Search.draw(kind, count, population, modalities, random);
      for (int i = 0; i < warmUp.size(); i++) {
        List<DicomWebServer> both = servers.both();
        for (int s = 0; s < 2; s++) {
          search(both.get(s), clients[s], warmUp.get(i));
        }
      }
      long[][] latencies = new long[2][searches.size()];
      int[] right = new int[2];
      long[] cpu = {Cpu.nanos(servers.custos().pid()), Cpu.nanos(servers.orthanc().pid())};
      for (int i = 0; i < searches.size(); i++) {
        for (int turn = 0; turn < 2; turn++) {
          int s = (i + turn) % 2;
          long t0 = System.nanoTime();
          int found = search(servers.both().get(s), clients[s], searches.get(i));
          latencies[s][i] = System.nanoTime() - t0;
          right[s] += found == searches.get(i).expected() ? 1 : 0;
        }
      }
      cpu[0] = Cpu.nanos(servers.custos().pid()) - cpu[0];
      cpu[1] = Cpu.nanos(servers.orthanc().pid()) - cpu[1];
      Run custos = new Run(searches.size(), 0, searches.size(), sum(latencies[0]), latencies[0], 0, cpu[0]);
      Run orthanc = new Run(searches.size(), 0, searches.size(), sum(latencies[1]), latencies[1], 0, cpu[1]);
      double mean = searches.stream().mapToInt(Search::expected).average().orElse(0);
      table.row(kind.label + ", e.g. `" + searches.get(0).query() + "`", Table.number(mean),
          percentiles(custos), Table.number(custos.serverCpuMillisPerInstance()), right[0] + "/" + searches.size(),
          percentiles(orthanc), Table.number(orthanc.serverCpuMillisPerInstance()), right[1] + "/" + searches.size(),
          Table.ratio(custos.latencyMillis(0.99) / orthanc.latencyMillis(0.99)), Cpu.load());
    }
  }

  /** Runs one search and returns the number of studies in the answer; fails unless 200. */
  private static int search(DicomWebServer server, HttpClient client, Search search) throws Exception {
    HttpResponse<String> answer = client.send(server.request("/studies?" + search.query())
        .header("Accept", "application/dicom+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(server.name() + " QIDO-RS answered " + answer.statusCode() + " to "
          + search.query() + ": " + answer.body().substring(0, Math.min(400, answer.body().length())));
    }
    Matcher m = STUDY.matcher(answer.body());
    int studies = 0;
    while (m.find()) {
      studies++;
    }
    return studies;
  }

  private static String percentiles(Run run) {
    return Table.millis(run.latencyMillis(0.50)) + " / " + Table.millis(run.latencyMillis(0.99));
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }
}
