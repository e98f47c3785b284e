package org.custos.server.cli;

import java.io.PrintWriter;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.custos.server.imports.ImportItem;
import org.custos.server.imports.Importer;

/**
 * Shows an import's progress: on a terminal a bar (files, MB/s, ETA); otherwise a line per file
 * ({@code stored|present|version|rejected <label> ...}), flushed at once.
 */
final class ImportProgress implements AutoCloseable {
  private final PrintWriter out;
  private final ProgressBar bar;
  private long bytes;

  private ImportProgress(PrintWriter out, ProgressBar bar) {
    this.out = out;
    this.bar = bar;
  }

  static ImportProgress forOutput(PrintWriter out, List<ImportItem> items) {
    if (System.console() == null) {
      return new ImportProgress(out, null);
    }
    long total = items.stream().mapToLong(i -> Math.max(i.sizeBytes(), 0)).sum();
    ProgressBar bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).showSpeed().build();
    bar.setExtraMessage("0/" + items.size() + " files");
    return new ImportProgress(out, bar);
  }

  private long files;

  void accept(Importer.Event event) {
    files++;
    bytes += Math.max(event.item().sizeBytes(), 0);
    if (bar != null) {
      bar.stepTo(bytes);
      bar.setExtraMessage(files + " files");
      return;
    }
    if (event.receipt().isPresent()) {
      var receipt = event.receipt().get();
      String what = switch (receipt.outcome()) {
        case STORED -> "stored";
        case ALREADY_PRESENT -> "present";
        case NEW_VERSION -> "version";
      };
      out.println(what + " " + event.item().label() + " " + receipt.instanceId() + " v" + receipt.version());
    } else {
      out.println("rejected " + event.item().label() + ": " + event.rejection().orElse(""));
    }
    out.flush();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
