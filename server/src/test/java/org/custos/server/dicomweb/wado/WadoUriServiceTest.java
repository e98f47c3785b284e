package org.custos.server.dicomweb.wado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.server.dicomweb.DicomWebFixture.READER;
import static org.custos.server.dicomweb.DicomWebFixture.URLS;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.custos.dicom.TransferSyntax;
import org.custos.server.dicomweb.DicomWebFixture;
import org.custos.server.dicomweb.DicomWebResponse;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.Multipart;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.ResourceNotFoundException;
import org.custos.server.dicomweb.TestDicom;
import org.custos.server.dicomweb.render.RenderService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WADO-URI over the same services: application/dicom as stored or transcoded, JPEG and PNG renderings, errors. */
class WadoUriServiceTest {
  @TempDir
  static Path dir;
  static DicomWebFixture fixture;
  static WadoUriService uri;
  static TestDicom implicit;

  @BeforeAll
  static void load() {
    fixture = DicomWebFixture.create(dir);
    uri = new WadoUriService(new WadoService(fixture.archive(), URLS), new RenderService(fixture.archive()));
    implicit = TestDicom.fresh("valid/pydicom/MR_small_implicit.dcm", "U-1", "Wado^Uri");
    fixture.ingest(implicit.bytes());
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    map.put("requestType", List.of("WADO"));
    map.put("studyUID", List.of(implicit.studyUid()));
    map.put("seriesUID", List.of(implicit.seriesUid()));
    map.put("objectUID", List.of(implicit.sopInstanceUid()));
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      map.put(pair.substring(0, eq), List.of(pair.substring(eq + 1)));
    }
    return map;
  }

  private static BufferedImage image(DicomWebResponse response) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(Multipart.body(response)));
  }

  @Test
  void applicationDicom_isTheStoredObject_orExplicitLittleEndianWhenAsked() {
    DicomWebResponse stored = uri.retrieve(params("contentType=application/dicom"), READER);
    assertThat(stored.contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2");
    assertThat(Multipart.body(stored)).isEqualTo(implicit.bytes());
    DicomWebResponse explicit = uri.retrieve(params("contentType=application/dicom",
        "transferSyntax=" + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), READER);
    assertThat(WadoServiceTest.read(Multipart.body(explicit)).transferSyntax())
        .isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
  }

  @Test
  void images_areJpegByDefault_orPng_sizedByRowsAndColumns() throws IOException {
    DicomWebResponse jpeg = uri.retrieve(params(), READER);
    assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
    assertThat(image(jpeg).getWidth()).isEqualTo(64);
    DicomWebResponse png = uri.retrieve(params("contentType=image/png", "rows=32", "windowCenter=600",
        "windowWidth=1200", "frameNumber=1"), READER);
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(image(png).getHeight()).isEqualTo(32);
    assertThat(image(uri.retrieve(params("contentType=image/gif,image/png"), READER)).getWidth()).isEqualTo(64);
  }

  @Test
  void missingOrUnsupportedParameters_are400_unknownObjects404_otherTypes406() {
    Map<String, List<String>> noObject = params();
    noObject.remove("objectUID");
    assertThatThrownBy(() -> uri.retrieve(noObject, READER)).isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("objectUID");
    assertThatThrownBy(() -> uri.retrieve(params("requestType=WADO-RS"), READER))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("requestType");
    assertThatThrownBy(() -> uri.retrieve(params("anonymize=yes"), READER)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> uri.retrieve(params("windowCenter=1"), READER)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> uri.retrieve(params("contentType=text/html"), READER))
        .isInstanceOf(NotAcceptableException.class);
    assertThatThrownBy(() -> uri.retrieve(params("objectUID=1.2.3"), READER))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
