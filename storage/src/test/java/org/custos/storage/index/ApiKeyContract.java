package org.custos.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.storage.index.SampleRows.at;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.archive.StorageException;
import org.custos.archive.index.ApiKeyRow;
import org.custos.archive.index.IndexSession;
import org.junit.jupiter.api.Test;

/** Contract, part four: API keys (the secret's keyed hash, scopes, expiry, revocation). */
interface ApiKeyContract extends IndexFixture {
  private static ApiKeyRow key(String id, Optional<java.time.Instant> expires) {
    return new ApiKeyRow(id, "viewer " + id, Set.of("dicom.read", "dicom.write"), SampleRows.bytes(32), at(0),
        expires, Optional.empty());
  }

  @Test
  default void insertedApiKey_isFoundById_withEveryField() {
    ApiKeyRow row = key("00112233445566aa", Optional.of(at(3600)));
    update(s -> s.insertApiKey(row));
    assertRow(index().read(s -> s.apiKey(row.keyId())), row);
    assertThat(index().read((IndexSession s) -> s.apiKey("ffffffffffffffff"))).isEmpty();
  }

  @Test
  default void apiKeys_listsEveryKeyInCreationOrder_revokedOnesToo() {
    ApiKeyRow first = key("0000000000000002", Optional.empty());
    ApiKeyRow second = key("0000000000000001", Optional.empty());
    update(s -> s.insertApiKey(first));
    update(s -> s.insertApiKey(second));
    update(s -> s.revokeApiKey(first.keyId(), at(5)));

    List<ApiKeyRow> all = index().read(IndexSession::apiKeys);
    assertThat(all).extracting(ApiKeyRow::keyId).containsExactly(first.keyId(), second.keyId());
    assertThat(all.get(0).revoked()).contains(at(5));
    assertThat(all.get(1).revoked()).isEmpty();
  }

  @Test
  default void revokeApiKey_onlyOnce_andNeverForAnUnknownKey() {
    ApiKeyRow row = key("0000000000000003", Optional.empty());
    update(s -> s.insertApiKey(row));
    assertThat(index().write((IndexSession s) -> s.revokeApiKey(row.keyId(), at(10)))).isTrue();
    assertThat(index().write((IndexSession s) -> s.revokeApiKey(row.keyId(), at(20)))).isFalse();
    assertThat(index().write((IndexSession s) -> s.revokeApiKey("0000000000000099", at(20)))).isFalse();
    assertThat(index().read(s -> s.apiKey(row.keyId())).orElseThrow().revoked()).contains(at(10));
  }

  @Test
  default void duplicateApiKeyId_isRefusedAndRolledBack() {
    ApiKeyRow row = key("0000000000000004", Optional.empty());
    update(s -> s.insertApiKey(row));
    assertThatThrownBy(() -> update(s -> s.insertApiKey(key(row.keyId(), Optional.empty()))))
        .isInstanceOf(StorageException.class);
    assertThat(index().read(IndexSession::apiKeys)).hasSize(1);
  }
}
