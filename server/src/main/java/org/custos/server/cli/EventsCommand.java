package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.custos.archive.index.ArchiveEvent;
import org.custos.server.home.CustosInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code custos events}: what the archive recorded beyond plain stores — version and identity
 * conflicts, zeroed preambles, integrity failures, shreds, key rotations, removed orphans. Events
 * name internal ids only, so the listing holds no PHI.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
    description = "List recorded events: conflicts, integrity failures, shreds, key rotations.")
final class EventsCommand implements Callable<Integer> {
  @Mixin
  HomeOption home;

  @Option(names = "--kind", description = "only this kind: ${COMPLETION-CANDIDATES}")
  ArchiveEvent.Kind kind;

  @Option(names = "--limit", defaultValue = "100", description = "the most recent N (default: ${DEFAULT-VALUE})")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CustosInstance instance = CustosInstance.open(home.resolve(), System.getenv())) {
      List<ArchiveEvent> events = instance.archive().events(Optional.ofNullable(kind), limit);
      for (ArchiveEvent event : events) {
        out.printf("%6d  %s  %-19s %-28s %s%n", event.sequence(), event.at(), event.kind(), event.subjectId(),
            event.detail());
      }
      out.println(events.size() + " events");
    }
    out.flush();
    return 0;
  }
}
