package org.custos.bench.orthanc;

import java.util.List;
import org.custos.bench.dicomweb.DicomWebServer;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.Table;

/**
 * The two servers compared, and the order they take turns in: the k-th measurement goes to Custos
 * first when k is even and to Orthanc first when it is odd, so that a neighbour's build starting
 * or ending mid-run does not always land on the same side.
 */
record Contenders(DicomWebServer custos, DicomWebServer orthanc) {
  /** A measurement of one server. */
  @FunctionalInterface
  interface Measure {
    Run on(DicomWebServer server) throws Exception;
  }

  /** Both results of the {@code k}-th measurement, Custos's first. */
  Run[] measure(int k, Measure measure) throws Exception {
    Run[] runs = new Run[2];
    for (DicomWebServer server : k % 2 == 0 ? List.of(custos, orthanc) : List.of(orthanc, custos)) {
      runs[server == custos ? 0 : 1] = measure.on(server);
    }
    return runs;
  }

  List<DicomWebServer> both() {
    return List.of(custos, orthanc);
  }

  /** CPU milliseconds per instance, the server's then the client's, as one cell. */
  static String cpu(Run run) {
    return Table.number(run.serverCpuMillisPerInstance()) + " / " + Table.number(run.clientCpuMillisPerInstance());
  }
}
