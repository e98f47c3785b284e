package org.custos.server.dicomweb.wado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.custos.archive.index.InstanceRow;
import org.custos.archive.ingest.IngestOutcome;
import org.custos.archive.ingest.IngestReceipt;
import org.custos.archive.ingest.InstanceRejectedException;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomFile;
import org.custos.dicom.DicomReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.dictionary.Tags;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.DicomWebException;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.TestDicom;
import org.custos.server.dicomweb.render.RenderService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The valid, edge and derived files of the corpus through the real archive and WADO-RS: every
 * current instance comes back byte-identical (preamble aside), has metadata, and its first frame
 * and rendering either work or are refused with a 404/406, never an internal failure.
 */
class WadoCorpusTest {
  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static WadoService wado;
  static RenderService render;
  /** Current instances: the file whose receipt is the current version of its SOP Instance UID. */
  static final Map<Path, Stored> current = new LinkedHashMap<>();

  record Stored(IngestReceipt receipt, ResourcePath path) {}

  @BeforeAll
  static void ingestCorpus() throws IOException {
    fixture = DicomWebFixture.create(dir);
    wado = new WadoService(fixture.archive(), URLS);
    render = new RenderService(fixture.archive());
    Path root = TestDicom.corpus("MANIFEST.tsv").getParent();
    List<Path> files = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("MANIFEST.tsv")).subList(1, Files.readAllLines(
        root.resolve("MANIFEST.tsv")).size())) {
      String[] columns = line.split("\t");
      if (columns.length > 3 && List.of("valid", "edge", "derived").contains(columns[3])
          && Files.isRegularFile(root.resolve(columns[0]))) {
        files.add(root.resolve(columns[0]));
      }
    }
    Map<String, Path> lastBySop = new LinkedHashMap<>();
    Map<Path, IngestReceipt> receipts = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        IngestReceipt receipt = fixture.ingest(file);
        receipts.put(file, receipt);
        if (receipt.outcome() != IngestOutcome.ALREADY_PRESENT) {
          lastBySop.put(sopUid(file), file);
        }
      } catch (InstanceRejectedException e) {
        // CorpusArchiveTest covers refusals.
      }
    }
    for (Path file : lastBySop.values()) {
      DataSet header = DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true)).dataSet();
      InstanceRow row = fixture.archive().versions(sopUid(file)).stream().filter(InstanceRow::current).findFirst()
          .orElseThrow();
      if (row.instanceId().equals(receipts.get(file).instanceId())) {
        current.put(file, new Stored(receipts.get(file), ResourcePath.instance(
            header.getString(Tags.StudyInstanceUID).orElseThrow().strip(),
            header.getString(Tags.SeriesInstanceUID).orElseThrow().strip(), sopUid(file))));
      }
    }
  }

  private static String sopUid(Path file) {
    return DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true)).dataSet()
        .getString(Tags.SOPInstanceUID).orElseThrow().strip();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void everyCurrentInstance_comesBackByteIdentical_preambleAside() throws IOException {
    assertThat(current).hasSizeGreaterThan(70);
    for (Map.Entry<Path, Stored> entry : current.entrySet()) {
      byte[] original = Files.readAllBytes(entry.getKey());
      byte[] part = Multipart.parts(wado.retrieve(entry.getValue().path(),
          "multipart/related; type=\"application/dicom\"; transfer-syntax=*", READER)).get(0).body();
      String name = entry.getKey().toString();
      if (original.length > 132 && new String(original, 128, 4).equals("DICM")) {
        assertThat(Arrays.copyOfRange(part, 128, part.length)).as(name)
            .isEqualTo(Arrays.copyOfRange(original, 128, original.length));
      } else if (new String(original, 0, 4).equals("DICM")) {
        // Stored without a preamble: sent with a zero one.
        assertThat(Arrays.copyOfRange(part, 128, part.length)).as(name).isEqualTo(original);
      } else {
        // Stored without file meta: sent with a generated one, then the stored bytes unchanged.
        DicomFile file = DicomReader.read(new ByteArrayInputStream(part), part.length, ReadOptions.DEFAULT);
        assertThat(file.fileMeta()).as(name).isPresent();
        assertThat(Arrays.copyOfRange(part, (int) file.dataSetOffset(), part.length)).as(name).isEqualTo(original);
      }
    }
  }

  @Test
  void everyCurrentInstance_hasMetadata_andItsFirstFrameAndRendering_workOrAreRefusedCleanly() {
    int frames = 0;
    int rendered = 0;
    List<String> refused = new ArrayList<>();
    for (Map.Entry<Path, Stored> entry : current.entrySet()) {
      ResourcePath path = entry.getValue().path();
      assertThat(Multipart.body(wado.metadata(path, null, READER))).as(entry.getKey().toString()).startsWith('[');
      try {
        assertThat(Multipart.parts(wado.frames(path, "1", "*/*", READER)).get(0).body()).isNotEmpty();
        frames++;
      } catch (ResourceNotFoundException | NotAcceptableException e) {
        refused.add("frames " + entry.getKey().getFileName() + ": " + e.getMessage());
      }
      try {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Multipart.body(
            render.rendered(path, OptionalInt.empty(), Map.of(), "image/png", READER))));
        assertThat(image.getWidth()).as(entry.getKey().toString()).isPositive();
        rendered++;
      } catch (DicomWebException e) {
        assertThat(e).isInstanceOfAny(NotAcceptableException.class, ResourceNotFoundException.class);
        refused.add("rendered " + entry.getKey().getFileName() + ": " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.println("corpus through WADO-RS: " + current.size() + " instances, " + frames + " first frames, "
        + rendered + " renderings; refused:\n  " + String.join("\n  ", refused));
    assertThat(frames).isGreaterThan(60);
    assertThat(rendered).isGreaterThan(50);
  }
}
