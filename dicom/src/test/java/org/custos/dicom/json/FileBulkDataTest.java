package org.custos.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.NumericValues;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileBulkDataTest {
  private static final int THRESHOLD = 64;

  private static Path corpusFile(String name) {
    return JsonFixtures.corpus().resolve(name);
  }

  private static DicomFile referenced(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT.withBulkThresholdBytes(THRESHOLD));
  }

  private static DataSet inMemory(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT.withAllValuesInMemory()).dataSet();
  }

  @ParameterizedTest
  @ValueSource(strings = {"valid/pydicom/CT_small.dcm", "valid/pydicom/ExplVR_BigEnd.dcm",
      "valid/pydicom/image_dfl.dcm", "valid/pydicom/SC_rgb_jpeg_dcmtk.dcm", "valid/pydicom/MR_small_RLE.dcm",
      "valid/pydicom/MR_small_jp2klossless.dcm", "valid/pydicom/MR_small_implicit.dcm"})
  void uris_resolveToTheValuesOfTheFile(String name) {
    Path file = corpusFile(name);
    DicomFile parsed = referenced(file);
    FileBulkData bulk = FileBulkData.of(file, parsed);
    String json = DicomJsonWriter.toJson(parsed.dataSet(), JsonOptions.DEFAULT.withBulkDataThresholdBytes(THRESHOLD)
        .withUris(bulk.uris()).withBulkSource(bulk.source()));
    assertThat(json).contains("\"BulkDataURI\":\"" + file.toUri() + "?offset=");
    DataSet back = DicomJsonReader.read(new StringReader(json), bulk.resolver());
    CorpusValues.assertSameValues(inMemory(file), loaded(back, bulk.source()), "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"valid/pydicom/CT_small.dcm", "valid/pydicom/ExplVR_BigEnd.dcm",
      "valid/pydicom/image_dfl.dcm", "valid/pydicom/MR_small_bigendian.dcm"})
  void inlinedValues_areReadFromTheFile_littleEndian(String name) {
    Path file = corpusFile(name);
    DicomFile parsed = referenced(file);
    FileBulkData bulk = FileBulkData.of(file, parsed);
    String json = DicomJsonWriter.toJson(parsed.dataSet(), JsonOptions.DEFAULT.withUris(bulk.uris())
        .withBulkSource(bulk.source()).withInlineAll(true));
    assertThat(json).doesNotContain("BulkDataURI");
    CorpusValues.assertSameValues(inMemory(file), DicomJsonReader.read(json), "");
  }

  @Test
  void encapsulatedPixelData_inlined_isTheConcatenationOfItsFragments() {
    Path file = corpusFile("valid/pydicom/MR_small_RLE.dcm");
    DicomFile parsed = referenced(file);
    FileBulkData bulk = FileBulkData.of(file, parsed);
    String json = DicomJsonWriter.toJson(parsed.dataSet(), JsonOptions.DEFAULT.withBulkSource(bulk.source()));
    Matcher m = Pattern.compile("\"7FE00010\":\\{\"vr\":\"OB\",\"InlineBinary\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).isTrue();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Value.Fragments fragments = (Value.Fragments) inMemory(file).get(0x7FE00010).orElseThrow().value();
    fragments.fragments().forEach(f -> expected.writeBytes(((Value.Bytes) f).bytes()));
    assertThat(Base64.getDecoder().decode(m.group(1))).isEqualTo(expected.toByteArray());
  }

  @Test
  void uri_isAPlainByteRangeOfTheFile() throws IOException {
    Path file = corpusFile("valid/pydicom/CT_small.dcm");
    DicomFile parsed = referenced(file);
    BulkRef ref = ((Value.Bulk) parsed.dataSet().get(0x7FE00010).orElseThrow().value()).ref();
    String uri = FileBulkData.of(file, parsed).uris()
        .uriFor(new BulkSite("7FE00010", 0x7FE00010, Vr.OW, new Value.Bulk(ref))).orElseThrow();
    assertThat(uri).isEqualTo(file.toUri() + "?offset=" + ref.offset() + "&length=" + ref.length());
    byte[] range = Arrays.copyOfRange(Files.readAllBytes(file), (int) ref.offset(), (int) (ref.offset() + ref.length()));
    assertThat(range).isEqualTo(((Value.Bytes) inMemory(file).get(0x7FE00010).orElseThrow().value()).bytes());
  }

  @Test
  void resolver_acceptsOnlySoundUrisOfItsOwnFile() {
    Path file = corpusFile("valid/pydicom/CT_small.dcm");
    BulkDataResolver resolver = FileBulkData.of(file, referenced(file)).resolver();
    String base = file.toUri().toString();
    for (String uri : List.of(
        corpusFile("valid/pydicom/MR_small.dcm").toUri() + "?offset=0&length=2",
        base, base + "?offset=0", base + "?offset=-1&length=2", base + "?offset=0&length=2&evil=true",
        base + "?offset=0&length=2&offset=4", base + "?offset=0&length=99999999", base + "?offset=0&length=2&deflated=true",
        "https://example.org/x?offset=0&length=2", "file://host" + file + "?offset=0&length=2", "not a uri")) {
      assertThatThrownBy(() -> resolver.resolve(uri, 0x7FE00010, Vr.OW)).as(uri).isInstanceOf(IOException.class);
    }
  }

  @Test
  void resolver_givesReferencesWithTheFlagsOfTheUri() throws IOException {
    Path file = corpusFile("valid/pydicom/ExplVR_BigEnd.dcm");
    BulkDataResolver resolver = FileBulkData.of(file, referenced(file)).resolver();
    assertThat(resolver.resolve(file.toUri() + "?offset=10&length=4&bigEndian=true", 0x7FE00010, Vr.OW))
        .isEqualTo(new Value.Bulk(new BulkRef(10, 4, true, false)));
  }

  /** The data set with every reference replaced by its bytes, little endian. */
  private static DataSet loaded(DataSet ds, BulkDataSource source) {
    DataSet.Builder b = ds.toBuilder();
    for (DicomElement e : ds.elements()) {
      Value v = e.value();
      if (v instanceof Value.Bulk bulk) {
        b.put(new DicomElement(e.tag(), e.vr(), read(source, bulk.ref(), e.vr())));
      } else if (v instanceof Value.Fragments f) {
        List<Value> fragments = new ArrayList<>();
        f.fragments().forEach(x -> fragments.add(load(source, x, e.vr())));
        b.put(new DicomElement(e.tag(), e.vr(), new Value.Fragments(load(source, f.basicOffsetTable(), e.vr()), fragments)));
      } else if (v instanceof Value.Sequence s) {
        List<DataSet> items = new ArrayList<>();
        s.items().forEach(item -> items.add(loaded(item, source)));
        b.put(new DicomElement(e.tag(), e.vr(), new Value.Sequence(items, s.undefinedLength())));
      }
    }
    return b.build();
  }

  private static Value load(BulkDataSource source, Value v, Vr vr) {
    return v instanceof Value.Bulk bulk ? read(source, bulk.ref(), vr) : v;
  }

  private static Value read(BulkDataSource source, BulkRef ref, Vr vr) {
    try (InputStream in = source.open(ref)) {
      byte[] b = in.readAllBytes();
      assertThat(b).hasSize((int) ref.length());
      if (ref.bigEndian()) {
        NumericValues.swap(b, 0, b.length, NumericValues.swapUnit(vr));
      }
      return Value.Bytes.of(b);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
