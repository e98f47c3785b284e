package org.custos.storage.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.custos.archive.ArchiveContext;
import org.custos.archive.NotFoundException;
import org.custos.archive.index.ApiKeyRow;
import org.custos.archive.principals.ApiKeyCheck;
import org.custos.archive.principals.ApiKeys;
import org.custos.archive.principals.NewApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys on the real embedded archive, with a clock the test moves. */
class ApiKeysTest {
  @TempDir
  Path dir;
  ArchiveFixture fixture;
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  ApiKeys keys;

  @BeforeEach
  void open() {
    fixture = ArchiveFixture.create(dir);
    ArchiveContext c = fixture.archive.context();
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    keys = new ApiKeys(new ArchiveContext(c.archiveId(), c.blobs(), c.index(), c.keys(), c.cipher(), clock, c.log()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void createdKey_hasTheDocumentedForm_andIsAcceptedWithItsScopes() {
    NewApiKey created = keys.create("viewer", Set.of("dicom.read"), Optional.empty());

    assertThat(created.token()).matches("cst_[0-9a-f]{16}_[0-9a-f]{64}");
    assertThat(created.token()).startsWith("cst_" + created.row().keyId() + "_");
    assertThat(created.toString()).doesNotContain(created.token().substring(21));
    assertThat(keys.check(created.token())).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class,
        accepted -> assertThat(accepted.key().scopes()).containsExactly("dicom.read"));
  }

  @Test
  void theIndex_neverHoldsTheSecret() throws Exception {
    NewApiKey created = keys.create("pacs", Set.of("dicom.write"), Optional.empty());
    fixture.archive.close(); // checkpoints the WAL into the file
    String secret = created.token().substring(created.token().lastIndexOf('_') + 1);
    byte[] db = Files.readAllBytes(fixture.indexFile());
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).contains(created.row().keyId()).doesNotContain(secret);
    fixture.reopen();
  }

  @Test
  void wrongSecret_unknownId_andGarbage_areAllJustInvalid() {
    NewApiKey created = keys.create("viewer", Set.of("dicom.read"), Optional.empty());
    String token = created.token();
    char last = token.charAt(token.length() - 1);
    String wrongSecret = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');
    String unknownId = "cst_0000000000000000" + token.substring(20);

    for (String presented : new String[] {wrongSecret, unknownId, "cst_", "Bearer x", token + "0", token.toUpperCase()}) {
      assertThat(keys.check(presented)).as(presented)
          .isEqualTo(new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.INVALID));
    }
  }

  @Test
  void expiredKey_isRefusedAsExpired_onlyAfterItsExpiry() {
    NewApiKey created = keys.create("temp", Set.of("dicom.read"), Optional.of(Duration.ofDays(1)));
    assertThat(created.row().expires()).contains(now.plus(Duration.ofDays(1)));

    now = now.plus(Duration.ofHours(23));
    assertThat(keys.check(created.token())).isInstanceOf(ApiKeyCheck.Accepted.class);
    now = now.plus(Duration.ofHours(1));
    assertThat(keys.check(created.token())).isEqualTo(new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.EXPIRED));
  }

  @Test
  void revokedKey_isRefusedAsRevoked_andCannotBeRevokedTwice() {
    NewApiKey created = keys.create("old", Set.of("dicom.read"), Optional.empty());
    now = now.plusSeconds(60);

    assertThat(keys.revoke(created.row().keyId())).isEqualTo(now);
    assertThat(keys.check(created.token())).isEqualTo(new ApiKeyCheck.Refused(ApiKeyCheck.Refusal.REVOKED));
    assertThatThrownBy(() -> keys.revoke(created.row().keyId())).isInstanceOf(NotFoundException.class);
    assertThat(keys.list()).extracting(ApiKeyRow::revoked).containsExactly(Optional.of(now));
  }

  @Test
  void badNamesAndScopes_areRefusedAtCreation() {
    assertThatThrownBy(() -> keys.create("x", Set.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.create("x", Set.of("DICOM READ"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.create("a\nb", Set.of("dicom.read"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.create("x", Set.of("dicom.read"), Optional.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(keys.list()).isEmpty();
  }
}
