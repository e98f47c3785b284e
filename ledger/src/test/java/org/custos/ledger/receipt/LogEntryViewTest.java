package org.custos.ledger.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.ledger.json.Json;
import org.junit.jupiter.api.Test;

class LogEntryViewTest {
  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) Json.parse(text);
  }

  @Test
  void anInstanceStoredEntry_readsIntoTypedAccessors() {
    LogEntryView view = LogEntryView.of(Entries.stored("2026-11-25T20:01:02.123Z", "pk-a", new byte[32], "1.2.3", 2, "22".repeat(32)));

    assertThat(view.type()).isEqualTo(EntryType.INSTANCE_STORED);
    assertThat(view.time()).isEqualTo(Instant.parse("2026-11-25T20:01:02.123Z"));
    assertThat(view.timeText()).isEqualTo("2026-11-25T20:01:02.123Z");
    assertThat(view.patient()).hasValue("pk-a");
    assertThat(view.prev()).hasValueSatisfying(p -> assertThat(p).hasSize(32));
    assertThat(view.sop()).hasValue("1.2.3");
    assertThat(view.version()).hasValue(2);
    assertThat(view.seals()).hasValueSatisfying(s -> assertThat(s.pixelKind()).isEqualTo(InstanceSeals.PixelKind.DECODED));
    assertThat(view.toString()).doesNotContain("1.2.3");
  }

  @Test
  void everyV1Type_isAcceptedWithItsMembers() {
    String head = "{\"v\":1,\"time\":\"2026-11-25T20:01:02Z\",\"patient\":\"pk-a\",";
    assertThat(LogEntryView.of(json(head + "\"type\":\"instance.superseded\",\"sop\":\"1.2\",\"version\":1,\"by\":2}")).integer("by")).hasValue(2);
    assertThat(LogEntryView.of(json(head + "\"type\":\"instance.deleted\",\"sop\":\"1.2\",\"versions\":3}")).integer("versions")).hasValue(3);
    assertThat(LogEntryView.of(json(head + "\"type\":\"patient.shredded\"}")).type()).isEqualTo(EntryType.PATIENT_SHREDDED);
    assertThat(LogEntryView.of(json(head + "\"type\":\"share.created\",\"anything\":[1]}")).type().reserved()).isTrue();
    assertThat(LogEntryView.of(json("{\"v\":1,\"type\":\"key.rotated\",\"time\":\"2026-11-25T20:01:02Z\",\"from\":\"k1\",\"to\":\"k2\"}"))
        .type().patientScoped()).isFalse();
  }

  @Test
  void membersOutsideTheType_orMissing_areRefused() {
    String head = "{\"v\":1,\"time\":\"2026-11-25T20:01:02Z\",\"patient\":\"pk-a\",";
    assertThatThrownBy(() -> LogEntryView.of(json(head + "\"type\":\"patient.shredded\",\"sop\":\"1\"}")))
        .hasMessage("$.sop: unknown member");
    assertThatThrownBy(() -> LogEntryView.of(json(head + "\"type\":\"instance.deleted\",\"sop\":\"1.2\"}")))
        .hasMessage("$.versions: missing");
    assertThatThrownBy(() -> LogEntryView.of(json(head + "\"type\":\"instance.superseded\",\"sop\":\"1.2\",\"version\":2,\"by\":2}")))
        .hasMessageStartingWith("$.by: the superseding version must be newer");
    assertThatThrownBy(() -> LogEntryView.of(json("{\"v\":1,\"type\":\"access\",\"time\":\"2026-11-25T20:01:02Z\","
        + "\"principal\":\"p\",\"purpose\":\"q\",\"action\":\"RENDER\",\"study\":\"1\"}"))).hasMessage("$.patient: missing");
    assertThatThrownBy(() -> LogEntryView.of(json("{\"v\":1,\"type\":\"key.rotated\",\"time\":\"2026-11-25T20:01:02Z\","
        + "\"patient\":\"pk-a\",\"from\":\"k1\",\"to\":\"k2\"}"))).hasMessage("$.patient: an archive-wide entry has no patient");
    assertThatThrownBy(() -> LogEntryView.of(json(head + "\"type\":\"patient.shredded\",\"prev\":\"AB\"}")))
        .hasMessage("$.prev: expected 64 lowercase hex digits");
    assertThatThrownBy(() -> LogEntryView.of(json("{\"v\":1,\"type\":\"patient.shredded\",\"time\":\"2026-11-25 20:01:02Z\",\"patient\":\"pk-a\"}")))
        .hasMessageStartingWith("$.time: expected an RFC 3339 UTC time");
    assertThatThrownBy(() -> LogEntryView.of(json(head + "\"type\":\"share.invented\"}"))).hasMessage("$.type: unknown entry type");
    Map<String, Object> noType = new LinkedHashMap<>(json(head + "\"type\":\"patient.shredded\"}"));
    noType.remove("type");
    assertThatThrownBy(() -> LogEntryView.of(noType)).hasMessage("$.type: missing");
  }
}
