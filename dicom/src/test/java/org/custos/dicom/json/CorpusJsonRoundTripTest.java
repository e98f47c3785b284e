package org.custos.dicom.json;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data set → JSON → data set keeps every value, for every file of the shared corpus that parses:
 * small bulk values travel inline, large ones and all encapsulated Pixel Data as BulkDataURIs
 * into an in-memory store.
 */
class CorpusJsonRoundTripTest {

  static List<Path> files() throws IOException {
    return JsonFixtures.parseableFiles();
  }

  @ParameterizedTest
  @MethodSource("files")
  void dataSetToJsonToDataSet_keepsEveryValue(Path file) throws IOException {
    DataSet original = DicomReader.read(file, ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet();
    Store store = new Store();
    StringWriter json = new StringWriter();
    DicomJsonWriter.write(original, json, JsonOptions.DEFAULT.withBulkDataThresholdBytes(256).withUris(store));
    DataSet back = DicomJsonReader.read(new StringReader(json.toString()), store);
    CorpusValues.assertSameValues(original, back, "");
  }

  /** Keeps offered values by URI; a fake of a DICOMweb bulk data endpoint. */
  private static final class Store implements BulkDataUris, BulkDataResolver {
    private final Map<String, Value> values = new HashMap<>();

    @Override
    public Optional<String> uriFor(BulkSite site) {
      String uri = "urn:test-store:" + values.size() + ":" + site.path();
      values.put(uri, site.value());
      return Optional.of(uri);
    }

    @Override
    public Value resolve(String uri, int tag, Vr vr) throws IOException {
      Value value = values.get(uri);
      if (value == null) {
        throw new IOException("unknown URI");
      }
      return value;
    }
  }
}
