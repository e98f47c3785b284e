package org.custos.dicom.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The machine-readable table of {@code docs/dcmtk-differences.md}: every difference between our
 * reading and dcmtk's that is known and explained, one row per (file, tag path, kind).
 *
 * <p>The table is the one under the heading {@code ## Known differences}; its columns are
 * {@code file | tag path | kind | reason}, cells may be wrapped in backticks. A tag path may end in
 * {@code *} to cover every path that starts with what precedes it (used for the elements inside
 * one sequence that dcmtk and we read differently as a whole); files are always named exactly.
 * Strict: a malformed row, an unknown kind or an empty reason fails with the line number.
 */
final class DocumentedDifferences {
  static final String HEADING = "## Known differences";
  private static final String HEADER = "| file | tag path | kind | reason |";
  private static final Pattern SEPARATOR = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|){4}");

  /** One row of the table. */
  record Row(int line, String file, String path, Difference.Kind kind, String reason) {
    boolean matches(Difference d) {
      if (!file.equals(d.file()) || kind != d.kind()) {
        return false;
      }
      return path.endsWith("*") ? d.path().startsWith(path.substring(0, path.length() - 1)) : path.equals(d.path());
    }

    @Override
    public String toString() {
      return "line " + line + ": " + file + " | " + path + " | " + kind.label();
    }
  }

  private DocumentedDifferences() {}

  static List<Row> read(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown, UTF_8);
    int start = lines.indexOf(HEADING);
    if (start < 0) {
      throw new IllegalStateException(markdown + ": no '" + HEADING + "' heading");
    }
    int i = start + 1;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i + 1 >= lines.size() || !lines.get(i).trim().equals(HEADER) || !SEPARATOR.matcher(lines.get(i + 1).trim()).matches()) {
      throw new IllegalStateException(markdown + " line " + (i + 1) + ": the table must start with '" + HEADER + "' and a separator row");
    }
    List<Row> rows = new ArrayList<>();
    for (i += 2; i < lines.size() && lines.get(i).trim().startsWith("|"); i++) {
      rows.add(row(markdown, i + 1, lines.get(i).trim()));
    }
    return rows;
  }

  private static Row row(Path markdown, int line, String text) {
    if (!text.endsWith("|")) {
      throw bad(markdown, line, "a row must end with '|'");
    }
    String[] cells = text.substring(1, text.length() - 1).split("\\|", -1);
    if (cells.length != 4) {
      throw bad(markdown, line, cells.length + " cells, want 4 (file | tag path | kind | reason)");
    }
    String file = unquote(cells[0]);
    String path = unquote(cells[1]);
    String reason = cells[3].trim();
    if (file.isEmpty() || file.contains("*") || path.isEmpty() || reason.isEmpty()) {
      throw bad(markdown, line, "file (exact, no '*'), tag path and reason must not be empty");
    }
    if (path.indexOf('*') >= 0 && path.indexOf('*') != path.length() - 1) {
      throw bad(markdown, line, "'*' may only end a tag path");
    }
    Difference.Kind kind;
    try {
      kind = Difference.Kind.ofLabel(unquote(cells[2]));
    } catch (IllegalArgumentException e) {
      throw bad(markdown, line, e.getMessage());
    }
    if (!kind.documentable()) {
      throw bad(markdown, line, "kind " + kind.label() + " is a failure to fix, not a difference to document");
    }
    return new Row(line, file, path, kind, reason);
  }

  private static String unquote(String cell) {
    String trimmed = cell.trim();
    return trimmed.length() >= 2 && trimmed.startsWith("`") && trimmed.endsWith("`")
        ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  private static IllegalStateException bad(Path markdown, int line, String what) {
    return new IllegalStateException(markdown + " line " + line + ": " + what);
  }
}
