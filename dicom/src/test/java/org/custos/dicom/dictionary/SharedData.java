package org.custos.dicom.dictionary;

import org.custos.dicom.Corpus;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the standard's data in the shared directory ({@code shared/data}, see its README): the
 * PS3.6 data element registry and the Table A-1 UID registry. Strict: a header, field count or
 * cell that does not look as documented fails with the file and line, so a changed export is
 * noticed rather than half-read.
 */
final class SharedData {
  static final String DICTIONARY = "dicom-dictionary.tsv";
  static final String UIDS = "dicom-uids.tsv";

  private static final String DICTIONARY_HEADER = "tag\tvr\tvm\tkeyword\tname\tretired\tsource";
  private static final String UIDS_HEADER = "uid\tname\ttype\tkeyword\tretired\tinfo\tsource";
  private static final Pattern TAG = Pattern.compile("\\(([0-9A-Fx]{4}),([0-9A-Fx]{4})\\)");
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

  /** A dictionary row; {@code tag} as written in PS3.6, e.g. {@code (60xx,3000)}. */
  record ElementRow(String tag, String vr, String vm, String keyword, String name, boolean retired) {
    /** The tag as the eight characters of the resource, e.g. {@code 60xx3000}. */
    String compactTag() {
      return tag.substring(1, 5) + tag.substring(6, 10);
    }
  }

  /** A UID registry row. */
  record UidRow(String uid, String name, String type, String keyword, boolean retired) {}

  private SharedData() {}

  /**
   * The {@code data} directory under the shared directory named by system property
   * {@code custos.shared.dir}, else {@code ../../shared} relative to the working directory (the
   * module directory under Maven). Throws when the dictionary is not there: its absence is a broken
   * checkout, never a reason to skip.
   */
  static Path dataDir() {
    Path data = Corpus.sharedDir().resolve("data").toAbsolutePath().normalize();
    if (!Files.isRegularFile(data.resolve(DICTIONARY)) || !Files.isRegularFile(data.resolve(UIDS))) {
      throw new IllegalStateException("shared DICOM data not found in " + data
          + " (set -Dcustos.shared.dir=<dir containing data/" + DICTIONARY + ">)");
    }
    return data;
  }

  static List<ElementRow> elements(Path dataDir) throws IOException {
    List<ElementRow> rows = new ArrayList<>();
    for (Line line : lines(dataDir.resolve(DICTIONARY), DICTIONARY_HEADER)) {
      if (!TAG.matcher(line.field(0)).matches()) {
        throw line.bad("tag");
      }
      DictionaryTable.parseVrs(line.field(1));
      rows.add(new ElementRow(
          line.field(0), line.field(1), line.field(2), line.field(3), line.field(4), line.flag(5)));
    }
    return rows;
  }

  static List<UidRow> uids(Path dataDir) throws IOException {
    List<UidRow> rows = new ArrayList<>();
    for (Line line : lines(dataDir.resolve(UIDS), UIDS_HEADER)) {
      if (!UID.matcher(line.field(0)).matches() || line.field(0).length() > 64) {
        throw line.bad("uid"); // PS3.5 9.1: digits and dots, at most 64 characters
      }
      rows.add(new UidRow(
          line.field(0), line.field(1), line.field(2), line.field(3), line.flag(4)));
    }
    return rows;
  }

  private record Line(Path file, int number, List<String> fields) {
    String field(int index) {
      return fields.get(index);
    }

    boolean flag(int index) {
      return switch (fields.get(index)) {
        case "Y" -> true;
        case "N" -> false;
        default -> throw bad("column " + (index + 1) + " (want Y or N)");
      };
    }

    IllegalStateException bad(String what) {
      return new IllegalStateException(file + " line " + number + ": bad " + what);
    }
  }

  private static List<Line> lines(Path file, String header) throws IOException {
    List<String> text = Files.readAllLines(file, UTF_8);
    if (text.isEmpty() || !text.get(0).equals(header)) {
      throw new IllegalStateException(file + ": header is not '" + header + "'");
    }
    int columns = header.split("\t").length;
    List<Line> lines = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      List<String> fields = List.of(text.get(i).split("\t", -1));
      if (fields.size() != columns) {
        throw new IllegalStateException(file + " line " + (i + 1) + ": " + fields.size()
            + " fields, want " + columns);
      }
      lines.add(new Line(file, i + 1, fields));
    }
    return lines;
  }
}
