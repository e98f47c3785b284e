package org.custos.bench.orthanc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custos.bench.dicomweb.Cpu;
import org.custos.bench.dicomweb.CustosServer;
import org.custos.bench.dicomweb.DicomWebServer;
import org.custos.bench.dicomweb.Folders;
import org.custos.bench.dicomweb.Run;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Stow;
import org.custos.bench.dicomweb.Table;
import org.custos.bench.dicomweb.Wado;

/**
 * Issue 5's comparison with Orthanc (section 5): Custos (the packaged server, HTTPS, API key) and
 * Orthanc 1.10 with its DICOMweb plugin (plain HTTP, no credential) on the same machine in one run,
 * fed the same files: STOW-RS ingest, WADO-RS retrieval and QIDO-RS search, printed as Markdown
 * tables with the ratio Custos / Orthanc. Run by bench/orthanc.sh; not a test.
 */
public final class OrthancBench {
  private OrthancBench() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    PrintStream out = System.out;
    long started = System.nanoTime();
    out.println("load average at start: " + Cpu.load());
    Folders.delete(settings.work());
    List<String> skipped = new ArrayList<>();
    List<Template> templates = Template.select(settings.corpus(), settings.ct512(), skipped);
    skipped.forEach(s -> out.println("- left out " + s));
    Population population = new Population(settings.studies());
    List<String> custosJvm = new ArrayList<>(List.of("-Xmx2g"));
    String extra = System.getenv().getOrDefault("CUSTOS_SERVER_JAVA_OPTS", "").strip();
    if (!extra.isEmpty()) {
      custosJvm.addAll(List.of(extra.split("\\s+"))); // e.g. -XX:StartFlightRecording=... to profile the server
      out.println("Custos server JVM options: " + custosJvm);
    }
    try (CustosServer custos = CustosServer.start(settings.serverJar(), settings.work().resolve("custos-home"),
            custosJvm);
        OrthancServer orthanc = OrthancServer.start(settings.orthanc(), settings.dicomWebPlugin(),
            settings.work().resolve("orthanc"))) {
      Contenders servers = new Contenders(custos, orthanc);
      List<Template> accepted = Preflight.check(templates, servers.both(), settings.work().resolve("preflight"),
          population, out);
      out.printf(Locale.ROOT, "templates: %d of %d stored and retrieved byte for byte by both servers%n",
          accepted.size(), templates.size());
      Corpus corpus = new Corpus(settings.work().resolve("corpus"), population);
      List<StoredFile> warmUp = corpus.write("warm-up", accepted, 3 * accepted.size());
      List<StoredFile> stow = corpus.write("stow", accepted, settings.instances());
      List<StoredFile> small = corpus.write("ct-small", only(accepted, "valid/pydicom/CT_small.dcm"),
          settings.referenceInstances());
      List<StoredFile> large = corpus.write("ct-512", only(accepted, "ct-512x512.dcm"), settings.referenceInstances());
      List<StoredFile> topUp = corpus.write("top-up", accepted,
          Math.max(0, settings.studies() - population.studies().size()));
      out.printf(Locale.ROOT, "corpus written: %d studies of one instance each, mean %.0f KB (%.1f s since start)%n",
          population.studies().size(), Corpus.bytes(stow) / 1e3 / stow.size(), seconds(started));

      for (DicomWebServer server : servers.both()) { // JIT, caches and connections; not reported
        Stow.store(server, Corpus.paths(warmUp), 4, 10);
        Wado.retrieve(server, warmUp, 4);
      }
      ClientCeiling.run(stow.subList(0, Math.min(1000, stow.size())), settings.work(), out);
      StowComparison.run(servers, stow, out);
      Table reference = new Table(out, "### STOW-RS, single templates (issue 5's reference points for Orthanc: 396 "
              + "small CT instances/s at 4 x 10, 204 512x512 CT instances/s at 4 x 4, Python client)",
          "template, clients x instances/request", "instances", "Custos instances/s", "Custos MB/s",
          "Custos CPU ms/instance (server / client)", "Orthanc instances/s", "Orthanc MB/s",
          "Orthanc CPU ms/instance (server / client)", "Custos / Orthanc", "load");
      StowComparison.reference(servers, "CT_small (39 KB)", small, 4, 10, 0, reference);
      StowComparison.reference(servers, "512x512 CT (531 KB)", large, 4, 4, 1, reference);

      out.println();
      for (DicomWebServer server : topUp.isEmpty() ? List.<DicomWebServer>of() : servers.both()) {
        Run run = Stow.store(server, Corpus.paths(topUp), 4, 10);
        out.printf(Locale.ROOT, "top-up to %d studies, %s: %d instances at %.0f instances/s (4 x 10, load %s)%n",
            population.studies().size(), server.name(), topUp.size(), run.instancesPerSecond(), Cpu.load());
      }
      long expected = population.studies().size() + accepted.size();
      if (orthanc.storedInstances() < expected) {
        throw new IllegalStateException("Orthanc holds " + orthanc.storedInstances() + " instances, sent " + expected);
      }
      WadoComparison.run(servers, stow, settings.retrievals(), out);
      QidoComparison.run(servers, population, modalities(accepted), settings.queries(), out);
    }
    out.printf(Locale.ROOT, "%nload average at end: %s; run time %.0f s%n", Cpu.load(), seconds(started));
  }

  private static List<Template> only(List<Template> templates, String name) {
    List<Template> one = templates.stream().filter(t -> t.name().equals(name)).toList();
    if (one.isEmpty()) {
      throw new IllegalStateException("template " + name + " was left out; the reference rows need it");
    }
    return one;
  }

  private static List<String> modalities(List<Template> templates) {
    return templates.stream().map(Template::modality).distinct().sorted().toList();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
