package org.custos.bench.orthanc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custos.bench.corpus.Relabeller;
import org.custos.bench.dicomweb.DicomWebServer;
import org.custos.bench.dicomweb.StoredFile;
import org.custos.bench.dicomweb.Stow;
import org.custos.bench.dicomweb.Wado;

/**
 * Keeps the templates that every server stores cleanly (STOW-RS 200 without failures) and sends
 * back byte for byte (WADO-RS), so that the measured runs compare the same work and never fail
 * half-way. One copy of each template, labelled to match no search of the run.
 */
final class Preflight {
  private Preflight() {}

  static List<Template> check(List<Template> templates, List<? extends DicomWebServer> servers, Path folder,
      Population population, PrintStream out) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    List<Template> accepted = new ArrayList<>();
    for (int t = 0; t < templates.size(); t++) {
      Template template = templates.get(t);
      Path file = folder.resolve(t + ".dcm");
      Relabeller.Uids uids;
      try (OutputStream o = Files.newOutputStream(file)) {
        uids = template.relabeller().write(o, Population.outsider());
      }
      StoredFile stored = new StoredFile(file, Files.size(file), uids.studyInstanceUid(), uids.seriesInstanceUid(),
          uids.sopInstanceUid());
      List<String> refusals = new ArrayList<>();
      for (DicomWebServer server : servers) {
        try {
          Stow.store(server, List.of(file), 1, 1);
          Wado.retrieve(server, List.of(stored), 1);
        } catch (IllegalStateException e) {
          refusals.add(e.getMessage().lines().findFirst().orElse(""));
        }
      }
      if (refusals.isEmpty()) {
        accepted.add(template);
      } else {
        out.println("- left out " + template.name() + ": " + String.join("; ", refusals));
      }
      if (refusals.size() < servers.size()) {
        population.outsider(template.modality()); // stored by at least one: counts for ModalitiesInStudy
      }
    }
    return accepted;
  }
}
