package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomIoException;

/**
 * Reads the DICOM JSON Model of PS3.18 Annex F into data sets, validating as it goes.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The result is a data set in ascending tag order whose text is encoded with its own
 *       Specific Character Set (0008,0005), wherever that member stands in the JSON, or the one it
 *       inherits (items); odd-length text is padded (PS3.5 6.2). Binary values are little endian.
 *       Sequences and items have undefined length.
 *   <li>IS and DS numbers become text with every digit given, DS shortened to its 16-character
 *       limit (PS3.5 Table 6.2-1) by rounding only when the JSON number does not fit.
 *   <li>Anything else fails with {@link DicomJsonException}, naming line, column and tag but never
 *       a value: malformed JSON, a member name that is not a tag, an unknown VR, a JSON type the
 *       VR does not allow, numbers out of the VR's range, invalid base64, text the character set
 *       cannot encode, a BulkDataURI the resolver does not resolve ({@link BulkDataResolver#REJECT}
 *       resolves none). I/O failures of the source are {@link DicomIoException}s.
 * </ul>
 *
 * <p>Full disclosure — where reading is lenient: members may come in any order ({@code "vr"}
 * after {@code "Value"} costs a buffer copy of that value); tags may use lower-case hex; IS and
 * DS values may be strings (kept verbatim); FL and FD accept {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}; integral JSON numbers such as {@code 1e3} are accepted for integer VRs;
 * base64 may omit padding. IS and DS lengths and ranges, and the character repertoire of each VR,
 * are not checked: that is a validator's job. Stateless and thread-safe.
 */
public final class DicomJsonReader {
  private DicomJsonReader() {}

  /** Reads one data set from JSON text; any BulkDataURI is an error. */
  public static DataSet read(String json) {
    return read(new StringReader(json), BulkDataResolver.REJECT);
  }

  /** Reads one data set (a JSON object); {@code in} is not closed. */
  public static DataSet read(Reader in, BulkDataResolver resolver) {
    try (JsonParser p = JsonModel.FACTORY.createParser(in)) {
      return readOne(p, resolver);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new DicomIoException("cannot read DICOM JSON", e);
    }
  }

  /** Reads one data set from JSON bytes (UTF-8, or UTF-16/32 when detected); {@code in} is not closed. */
  public static DataSet read(InputStream in, BulkDataResolver resolver) {
    try (JsonParser p = JsonModel.FACTORY.createParser(in)) {
      return readOne(p, resolver);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new DicomIoException("cannot read DICOM JSON", e);
    }
  }

  /** Reads a JSON array of data sets, the form of PS3.18 F.2 for several; {@code in} is not closed. */
  public static List<DataSet> readArray(Reader in, BulkDataResolver resolver) {
    try (JsonParser p = JsonModel.FACTORY.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw DicomJsonException.reading("expected a JSON array of data sets", Where.of(p.currentTokenLocation()),
            DicomJsonException.NO_TAG, null);
      }
      List<DataSet> dataSets = new ArrayList<>();
      JsonToken token;
      while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
        dataSets.add(new JsonDataSetParser(p, resolver, null).parseDataSet().build(null, false));
      }
      if (token != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw DicomJsonException.reading("an array of data sets holds only JSON objects",
            Where.of(p.currentTokenLocation()), DicomJsonException.NO_TAG, null);
      }
      return dataSets;
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new DicomIoException("cannot read DICOM JSON", e);
    }
  }

  private static DataSet readOne(JsonParser p, BulkDataResolver resolver) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw DicomJsonException.reading("a DICOM JSON data set is a JSON object (PS3.18 F.2)",
          Where.of(p.currentTokenLocation()), DicomJsonException.NO_TAG, null);
    }
    PendingDataSet pending = new JsonDataSetParser(p, resolver, null).parseDataSet();
    if (p.nextToken() != null) {
      throw DicomJsonException.reading("content after the data set", Where.of(p.currentTokenLocation()),
          DicomJsonException.NO_TAG, null);
    }
    return pending.build(null, false);
  }

  private static DicomJsonException malformed(JsonProcessingException e) {
    return JsonDataSetParser.malformed(e, DicomJsonException.NO_TAG);
  }
}
