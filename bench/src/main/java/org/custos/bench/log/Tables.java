package org.custos.bench.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Prints the results as Markdown tables, and the load average at each phase (the machine is shared). */
final class Tables {
  private final PrintStream out;

  Tables(PrintStream out) {
    this.out = out;
  }

  void header(String... columns) {
    out.println();
    out.println("| " + String.join(" | ", columns) + " |");
    out.println("|---" + "|---:".repeat(columns.length - 1) + "|");
  }

  /** Doubles as whole numbers with thousands separators, everything else as it prints. */
  void row(Object... cells) {
    StringBuilder line = new StringBuilder("|");
    for (Object cell : cells) {
      line.append(' ').append(cell instanceof Double d ? String.format(Locale.ROOT, "%,.0f", d) : cell).append(" |");
    }
    out.println(line);
  }

  void line(String format, Object... arguments) {
    out.println(String.format(Locale.ROOT, format, arguments));
  }

  void load(String phase) {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      load = "unknown (" + e.getMessage() + ")";
    }
    out.println();
    out.println("load average (1/5/15 min, running/total, last pid) at " + phase + ": " + load);
  }
}
