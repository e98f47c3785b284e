package org.custos.server.dicomweb.wado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.custos.archive.IntegrityFailureException;
import org.custos.archive.index.ArchiveEvent;
import org.custos.server.dicomweb.DicomWebErrors;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.ResourcePath;
import org.custos.server.dicomweb.TestDicom;
import org.custos.server.dicomweb.render.RenderService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob altered on disk: every read path fails closed with an integrity failure and an event; metadata still answers. */
class FailClosedTest {
  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static WadoService wado;
  static TestDicom tampered;
  static ResourcePath path;

  @BeforeAll
  static void tamper() throws IOException {
    fixture = DicomWebFixture.create(dir);
    wado = new WadoService(fixture.archive(), URLS);
    tampered = TestDicom.fresh("valid/pydicom/CT_small.dcm", "FC-1", "Fail^Closed");
    fixture.ingest(tampered.bytes());
    path = ResourcePath.instance(tampered.studyUid(), tampered.seriesUid(), tampered.sopInstanceUid());
    String blobId = fixture.archive().versions(tampered.sopInstanceUid()).get(0).blobId().value();
    try (Stream<Path> files = Files.walk(dir.resolve("blobs"))) {
      Path blob = files.filter(p -> p.getFileName().toString().equals(blobId)).findFirst().orElseThrow();
      try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
        file.seek(file.length() - 100);
        int b = file.read();
        file.seek(file.length() - 100);
        file.write(b ^ 0x01);
      }
    }
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Test
  void retrieve_frames_bulkDataAndRendering_failWithAnIntegrityFailure_andRecordIt() {
    assertThatThrownBy(() -> Multipart.body(wado.retrieve(path, null, READER)))
        .isInstanceOf(IntegrityFailureException.class);
    assertThatThrownBy(() -> Multipart.body(wado.frames(path, "1", null, READER)))
        .isInstanceOf(IntegrityFailureException.class);
    assertThatThrownBy(() -> Multipart.body(wado.bulkData(path, "7FE00010", null, READER)))
        .isInstanceOf(IntegrityFailureException.class);
    assertThatThrownBy(() -> new RenderService(fixture.archive()).rendered(path, OptionalInt.empty(),
        Map.of(), null, READER)).isInstanceOf(IntegrityFailureException.class);
    List<ArchiveEvent> events = fixture.archive().events(Optional.of(ArchiveEvent.Kind.INTEGRITY_FAILURE), 10);
    assertThat(events).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(fixture.archive().versions(tampered.sopInstanceUid())
            .get(0).instanceId()));
    DicomWebErrors.ErrorResponse error = DicomWebErrors.of(new IntegrityFailureException("instance in-1: x"));
    assertThat(error.status()).isEqualTo(500);
    assertThat(new String(error.body())).doesNotContain("in-1");
  }

  @Test
  void metadata_stillAnswers_fromTheIndex() {
    assertThat(Multipart.body(wado.metadata(path, null, READER))).isNotEmpty();
  }
}
