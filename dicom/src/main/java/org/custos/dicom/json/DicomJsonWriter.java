package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomIoException;

/**
 * Writes data sets as the DICOM JSON Model of PS3.18 Annex F, streaming: elements are written as
 * they are visited, no JSON tree is built, and bulk values not in memory are copied from their
 * source in chunks.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Each element is a member named by its tag ({@code "00100010"}) whose object has
 *       {@code "vr"} and, unless the value is empty (F.2.5), one of {@code "Value"},
 *       {@code "InlineBinary"} or {@code "BulkDataURI"}; members follow the data set's order.
 *   <li>Text is decoded with the Specific Character Set in force (items inherit it) and written
 *       as UTF-8 (RFC 8259 8.1); empty values of multi-valued elements are null. PN values are
 *       objects of component groups (F.2.2); IS, DS and the binary numeric VRs are JSON numbers,
 *       with every digit of IS and DS text kept; AT is eight hex digits; sequences are arrays of
 *       objects; private creators and private elements are written like any other.
 *   <li>Bulk values are written by the rule of {@link JsonOptions}; InlineBinary is always little
 *       endian (F.2.7).
 *   <li>{@link DicomJsonReader} reads the output back to a data set with the same values (IS and
 *       DS may change their text, not their number; a UN sequence comes back as SQ).
 * </ul>
 *
 * <p>Deviations, in full: FL/FD NaN and infinities are written as strings; IS/DS text that is not
 * a number is written as a string; inlined encapsulated Pixel Data is the concatenation of its
 * fragments.
 *
 * <p>Fails with {@link DicomJsonException} (naming the element path) for a data set JSON cannot
 * represent: a tag twice in one data set, a binary value whose length is not a multiple of its
 * size, a bulk value not in memory with neither a source nor a URI, a value of any other VR not in
 * memory without a URI. What was written before the failure stays written and is not closed into
 * well-formed JSON. The target is neither closed nor left unflushed. Stateless and thread-safe;
 * the output carries element values, which may be PHI.
 */
public final class DicomJsonWriter {
  private DicomJsonWriter() {}

  /** Writes {@code dataSet} as one JSON object to {@code out}. */
  public static void write(DataSet dataSet, Writer out, JsonOptions options) throws IOException {
    try (JsonGenerator g = JsonModel.FACTORY.createGenerator(out)) {
      write(dataSet, g, options);
    }
  }

  /** Writes {@code dataSet} as one JSON object to {@code out}, in UTF-8. */
  public static void write(DataSet dataSet, OutputStream out, JsonOptions options) throws IOException {
    try (JsonGenerator g = JsonModel.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      write(dataSet, g, options);
    }
  }

  /** Writes the data sets as a JSON array of objects, the form of PS3.18 F.2 for several. */
  public static void writeArray(List<DataSet> dataSets, Writer out, JsonOptions options) throws IOException {
    try (JsonGenerator g = JsonModel.FACTORY.createGenerator(out)) {
      if (options.pretty()) {
        g.useDefaultPrettyPrinter();
      }
      g.writeStartArray();
      DataSetJsonWriter writer = new DataSetJsonWriter(g, options);
      for (DataSet dataSet : dataSets) {
        writer.write(dataSet, "");
      }
      g.writeEndArray();
    }
  }

  /** The JSON text of {@code dataSet}; for data sets whose values are small or in memory. */
  public static String toJson(DataSet dataSet, JsonOptions options) {
    StringWriter out = new StringWriter();
    try {
      write(dataSet, out, options);
    } catch (IOException e) {
      throw new DicomIoException("cannot read a bulk value to inline it", e);
    }
    return out.toString();
  }

  private static void write(DataSet dataSet, JsonGenerator g, JsonOptions options) throws IOException {
    if (options.pretty()) {
      g.useDefaultPrettyPrinter();
    }
    new DataSetJsonWriter(g, options).write(dataSet, "");
  }
}
