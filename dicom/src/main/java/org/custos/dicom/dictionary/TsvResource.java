package org.custos.dicom.dictionary;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DicomException;

/**
 * Reads the generated tab-separated resources of this package: UTF-8, {@code \n} line ends, lines
 * starting with {@code #} are comments, every other line has exactly the expected number of
 * fields. A malformed resource is a build defect, reported as {@link DicomException} naming the
 * resource and line.
 */
final class TsvResource {
  /** One data line: its 1-based line number and its fields. */
  record Row(String resource, int lineNumber, List<String> fields) {
    Row {
      fields = List.copyOf(fields);
    }

    String field(int index) {
      return fields.get(index);
    }

    /** A Y/N column. */
    boolean flag(int index) {
      String value = fields.get(index);
      if (value.equals("Y")) {
        return true;
      }
      if (value.equals("N")) {
        return false;
      }
      throw malformed("column " + (index + 1) + " must be Y or N");
    }

    DicomException malformed(String what) {
      return new DicomException(resource + " line " + lineNumber + ": " + what);
    }
  }

  private TsvResource() {}

  /** The rows of the resource {@code name} next to this class; fails when it is missing. */
  static List<Row> read(String name, int columns) {
    try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new DicomException("resource missing from the class path: " + name);
      }
      return parse(name, new BufferedReader(new InputStreamReader(in, UTF_8)), columns);
    } catch (IOException e) {
      throw new DicomException("cannot read resource " + name, e);
    }
  }

  static List<Row> parse(String name, BufferedReader reader, int columns) throws IOException {
    List<Row> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      List<String> fields = split(line, columns);
      if (fields.size() != columns) {
        throw new DicomException(
            name + " line " + lineNumber + ": " + fields.size() + " fields, want " + columns);
      }
      rows.add(new Row(name, lineNumber, fields));
    }
    return rows;
  }

  /** Splits on tabs, keeping empty fields; no regex, this runs once per registry line. */
  private static List<String> split(String line, int expected) {
    List<String> fields = new ArrayList<>(expected);
    int start = 0;
    for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
      fields.add(line.substring(start, tab));
      start = tab + 1;
    }
    fields.add(line.substring(start));
    return fields;
  }
}
