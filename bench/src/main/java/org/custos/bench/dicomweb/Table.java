package org.custos.bench.dicomweb;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A Markdown table printed row by row as the figures come in (the first column left-aligned, the
 * others right-aligned), with the number formats the harnesses share.
 */
public final class Table {
  private final PrintStream out;

  /** Prints a blank line, {@code title} (when not empty) and the header. */
  public Table(PrintStream out, String title, String... columns) {
    this.out = out;
    out.println();
    if (!title.isEmpty()) {
      out.println(title);
      out.println();
    }
    out.println("| " + String.join(" | ", columns) + " |");
    out.println("|---" + "|---:".repeat(columns.length - 1) + "|");
    out.flush();
  }

  public void row(Object... cells) {
    StringBuilder line = new StringBuilder("|");
    for (Object cell : cells) {
      line.append(' ').append(cell).append(" |");
    }
    out.println(line);
    out.flush();
  }

  /** A rate or count: thousands separators, no decimals, or one decimal below 10. */
  public static String number(double value) {
    return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** Milliseconds: one decimal below 100, else whole. */
  public static String millis(double value) {
    return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** A ratio such as {@code 0.42x}. */
  public static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }
}
