package org.custos.server.dicomweb.stow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.archive.ingest.InstanceAttributes;
import org.custos.archive.ingest.PatientIdentity;
import org.custos.archive.ingest.RejectReason;
import org.junit.jupiter.api.Test;

class StoreResponseTest {
  static final String BASE = "https://pacs.example:8443";

  static InstanceAttributes uids(String study, String sop) {
    return new InstanceAttributes(sop, "1.2.840.10008.5.1.4.1.1.2", study, study + ".1",
        new PatientIdentity("", "", "", "", ""), Map.of(), Map.of(), "CT", Optional.empty());
  }

  static JsonNode json(StoreResponse response) throws Exception {
    return new ObjectMapper().readTree(response.json());
  }

  @Test
  void allStored_is200_withStudyAndInstanceRetrieveUrls_andNoFailureSequences() throws Exception {
    StoreResponse response = new StoreResponse(List.of(
        new InstanceOutcome.Stored(1, uids("1.2.3", "1.2.3.1.1"), Optional.empty()),
        new InstanceOutcome.Stored(2, uids("1.2.3", "1.2.3.1.2"), Optional.empty())), BASE, Optional.empty());

    assertThat(response.status()).isEqualTo(200);
    JsonNode json = json(response);
    assertThat(json.path("00081190").path("vr").asText()).isEqualTo("UR");
    assertThat(json.path("00081190").path("Value").get(0).asText()).isEqualTo(BASE + "/dicom-web/studies/1.2.3");
    JsonNode first = json.path("00081199").path("Value").get(0);
    assertThat(first.path("00081150").path("Value").get(0).asText()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
    assertThat(first.path("00081155").path("Value").get(0).asText()).isEqualTo("1.2.3.1.1");
    assertThat(first.path("00081190").path("Value").get(0).asText())
        .isEqualTo(BASE + "/dicom-web/studies/1.2.3/series/1.2.3.1/instances/1.2.3.1.1");
    assertThat(json.has("00081198")).isFalse();
    assertThat(json.has("0008119A")).isFalse();
    assertThat(response.warningHeaders()).isEmpty();
  }

  @Test
  void aWarning_makesIt202_withTheWarningReasonAsUs() throws Exception {
    StoreResponse response = new StoreResponse(List.of(
        new InstanceOutcome.Stored(1, uids("1.2.3", "1.2.3.1.1"), Optional.of(WarningReason.NEW_VERSION))), BASE,
        Optional.empty());

    assertThat(response.status()).isEqualTo(202);
    JsonNode item = json(response).path("00081199").path("Value").get(0);
    assertThat(item.path("00081196").path("vr").asText()).isEqualTo("US");
    assertThat(item.path("00081196").path("Value").get(0).asInt()).isEqualTo(0xB101);
    assertThat(response.warningHeaders()).singleElement().asString().startsWith("299 custos \"B101: part 1: ");
  }

  @Test
  void failures_withUidsGoToFailedSop_withoutToOtherFailures_andAllFailedIs409() throws Exception {
    StoreResponse response = new StoreResponse(List.of(
        new InstanceOutcome.Failed(1, Optional.of(uids("1.2.4", "1.2.4.1.1")), FailureReason.STUDY_INSTANCE_UID_MISMATCH,
            "another study"),
        new InstanceOutcome.Failed(2, Optional.empty(), FailureReason.of(RejectReason.MALFORMED),
            "MALFORMED: \"quoted\"\nand\u00e9 at offset 12")), BASE, Optional.of("1.2.3"));

    assertThat(response.status()).isEqualTo(409);
    JsonNode json = json(response);
    assertThat(json.path("00081190").path("Value").get(0).asText()).isEqualTo(BASE + "/dicom-web/studies/1.2.3");
    assertThat(json.path("00081198").path("Value").get(0).path("00081197").path("Value").get(0).asInt()).isEqualTo(0xC409);
    assertThat(json.path("0008119A").path("Value").get(0).path("00081197").path("Value").get(0).asInt()).isEqualTo(0xC000);
    assertThat(json.has("00081199")).isFalse();
    assertThat(response.warningHeaders()).containsExactly("299 custos \"C409: part 1: another study\"",
        "299 custos \"C000: part 2: MALFORMED: 'quoted'?and? at offset 12\"");
  }

  @Test
  void studiesFromSeveralStudies_leaveTheTopRetrieveUrlEmpty_butPresent() throws Exception {
    StoreResponse response = new StoreResponse(List.of(
        new InstanceOutcome.Stored(1, uids("1.2.3", "1.2.3.1.1"), Optional.empty()),
        new InstanceOutcome.Stored(2, uids("1.2.5", "1.2.5.1.1"), Optional.empty())), BASE, Optional.empty());
    JsonNode url = json(response).path("00081190");
    assertThat(url.path("vr").asText()).isEqualTo("UR");
    assertThat(url.has("Value")).isFalse();
  }

  @Test
  void rejectReasons_mapToTheDocumentedFailureReasons() {
    assertThat(FailureReason.of(RejectReason.MALFORMED).code()).isEqualTo(0xC000);
    assertThat(FailureReason.of(RejectReason.INVALID_ATTRIBUTE).code()).isEqualTo(0xC000);
    assertThat(FailureReason.of(RejectReason.MISSING_ATTRIBUTE).code()).isEqualTo(0xA900);
    assertThat(FailureReason.of(RejectReason.HEADER_TOO_LARGE).code()).isEqualTo(0xA701);
    assertThat(FailureReason.OUT_OF_RESOURCES.hex()).isEqualTo("A700");
    assertThat(FailureReason.PROCESSING_FAILURE.hex()).isEqualTo("0110");
  }
}
