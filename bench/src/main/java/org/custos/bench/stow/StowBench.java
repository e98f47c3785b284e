package org.custos.bench.stow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custos.bench.corpus.Relabeller;
import org.custos.bench.dicomweb.CustosServer;
import org.custos.bench.dicomweb.Folders;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.Stow;

/**
 * STOW-RS ingest rate of the packaged server (HTTPS, self-signed certificate, API key), for 1 and
 * 4 concurrent clients sending 1 and 10 instances per request; each run stores its own fresh
 * instances (new Study/Series/SOP Instance UIDs from one template file, written to WORKDIR), after
 * a warm-up. Prints a Markdown table of instances/s and MB/s. Usage: java -cp benchmarks.jar
 * org.custos.bench.stow.StowBench SERVER_JAR WORKDIR TEMPLATE [instancesPerRun].
 */
public final class StowBench {
  private StowBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path template = Path.of(args[2]);
    int perRun = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    Relabeller relabeller = Relabeller.of(template);
    try (CustosServer server = CustosServer.start(jar, work.resolve("home"), List.of("-Xmx1g"))) {
      System.out.printf(Locale.ROOT, "machine: %d cores, %s; template %s (%d bytes); %d instances per run%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), template.getFileName(),
          Files.size(template), perRun);
      Stow.store(server, fresh(relabeller, work.resolve("warm-up"), Math.min(perRun, 500)), 2, 10); // not reported
      System.out.println("| clients | instances/request | instances/s | MB/s | requests |");
      System.out.println("|---:|---:|---:|---:|---:|");
      for (int clients : new int[] {1, 4}) {
        for (int perRequest : new int[] {1, 10}) {
          List<Path> instances = fresh(relabeller, work.resolve("run"), perRun);
          Run run = Stow.store(server, instances, clients, perRequest);
          System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.1f | %d |%n", clients, perRequest,
              run.instancesPerSecond(), run.mbPerSecond(), run.requests());
        }
      }
    } finally {
      Folders.delete(work.resolve("warm-up"));
      Folders.delete(work.resolve("run"));
    }
  }

  /** {@code count} copies of the template with fresh UIDs, in a cleared {@code folder}. */
  private static List<Path> fresh(Relabeller relabeller, Path folder, int count) throws IOException {
    Folders.delete(folder);
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path file = folder.resolve(String.format(Locale.ROOT, "%06d.dcm", i));
      try (OutputStream out = Files.newOutputStream(file)) {
        relabeller.write(out, Map.of());
      }
      files.add(file);
    }
    return files;
  }
}
