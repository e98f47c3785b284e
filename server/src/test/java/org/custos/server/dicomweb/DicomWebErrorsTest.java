package org.custos.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.custos.archive.NotFoundException;
import org.custos.archive.StorageException;
import org.junit.jupiter.api.Test;

/** One mapping from failures to HTTP status and a JSON body that names the problem, never internals. */
class DicomWebErrorsTest {
  private static JsonNode body(Throwable failure) throws IOException {
    return new ObjectMapper().readTree(DicomWebErrors.of(failure).body());
  }

  @Test
  void requestErrors_keepTheirMessage_andA400NamesItsParameter() throws IOException {
    JsonNode bad = body(new InvalidRequestException("StudyDate", "a date is YYYYMMDD"));
    assertThat(bad.path("status").asInt()).isEqualTo(400);
    assertThat(bad.path("error").asText()).isEqualTo("Bad Request");
    assertThat(bad.path("parameter").asText()).isEqualTo("StudyDate");
    assertThat(bad.path("message").asText()).isEqualTo("StudyDate: a date is YYYYMMDD");
    assertThat(DicomWebErrors.of(new ResourceNotFoundException("no such study")).status()).isEqualTo(404);
    assertThat(body(new NotAcceptableException("only JSON")).path("message").asText()).isEqualTo("only JSON");
    assertThat(DicomWebErrors.of(new NotAcceptableException("x")).status()).isEqualTo(406);
  }

  @Test
  void archiveFailures_getFixedTexts() throws IOException {
    assertThat(DicomWebErrors.statusOf(new NotFoundException("no patient pa-123"))).isEqualTo(404);
    assertThat(body(new NotFoundException("no patient pa-123")).toString()).doesNotContain("pa-123");
    assertThat(DicomWebErrors.statusOf(new StorageException("jdbc:sqlite:/secret/path"))).isEqualTo(503);
    assertThat(body(new IllegalStateException("/home/x")).path("message").asText()).isEqualTo("internal error");
    assertThat(DicomWebErrors.of(new IllegalStateException()).status()).isEqualTo(500);
  }
}
