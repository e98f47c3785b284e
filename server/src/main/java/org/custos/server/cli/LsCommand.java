package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.List;
import org.custos.archive.access.Access;
import org.custos.archive.access.ReadAction;
import java.util.concurrent.Callable;
import org.custos.archive.search.StudyQuery;
import org.custos.archive.search.StudySummary;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code custos ls}: studies with their patient and counts, optionally filtered. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List studies (patient, date, modalities, counts).")
final class LsCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Option(names = "--patient-id", description = "only this Patient ID (exact)")
  String patientId;

  @Option(names = "--name", description = "patient name words, or a pattern with * and ?")
  String name;

  @Option(names = "--accession", description = "only this Accession Number (exact)")
  String accession;

  @Option(names = "--limit", defaultValue = "100", description = "at most this many studies (default: ${DEFAULT-VALUE})")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StudyQuery query = StudyQuery.all(0, limit);
    if (patientId != null) {
      query = query.withPatientId(patientId);
    }
    if (name != null) {
      query = query.withPatientName(name);
    }
    if (accession != null) {
      query = query.withAccessionNumber(accession);
    }
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      List<StudySummary> studies = instance.archive().search(query);
      instance.archive().recordReads(Access.commandLine("list"), ReadAction.SEARCH,
          studies.stream().map(s -> s.study().get("StudyInstanceUID")).toList());
      out.printf("%-28s %-16s %-10s %-10s %-8s %6s %9s  %s%n", "patient", "patient id", "birth", "study date", "mod",
          "series", "instances", "patient key / study");
      for (StudySummary s : studies) {
        out.printf("%-28s %-16s %-10s %-10s %-8s %6d %9d  %s / %s%n", cut(s.patient().get("name"), 28),
            cut(s.patient().get("id"), 16), cut(s.patient().get("birthDate"), 10), cut(s.study().get("StudyDate"), 10),
            cut(String.join(",", s.modalities()), 8), s.seriesCount(), s.instanceCount(), s.patientId(), s.studyId());
      }
      out.println(studies.size() + " studies; " + instance.archive().countInstances() + " instance versions stored");
    }
    out.flush();
    return 0;
  }

  private static String cut(String value, int width) {
    String text = value == null ? "" : value;
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
