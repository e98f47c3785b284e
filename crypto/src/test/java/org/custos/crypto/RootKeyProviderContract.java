package org.custos.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RootKeyProvider} must do; each implementation's test extends this.
 * {@link #provider()} is the one under test (created fresh per test); {@link #reopen()} closes it
 * and opens the same storage again.
 */
public abstract class RootKeyProviderContract {
  private static final byte[] MATERIAL = "thirty-two bytes of key material".getBytes(UTF_8);
  private static final byte[] CONTEXT = "custos-test/1\0row-7".getBytes(UTF_8);

  /** The provider under test: the same instance until {@link #reopen()}. */
  protected abstract RootKeyProvider provider();

  /** Closes {@link #provider()} and returns a new provider over the same storage. */
  protected abstract RootKeyProvider reopen();

  @AfterEach
  void closeProvider() {
    provider().close();
  }

  @Test
  void wrapThenUnwrap_givesTheMaterialBack() {
    WrappedKey wrapped = provider().wrap(MATERIAL, CONTEXT);
    assertThat(wrapped.wrappedBy()).isEqualTo(provider().current());
    assertThat(wrapped.ciphertext()).isNotEqualTo(MATERIAL);
    assertThat(provider().unwrap(wrapped, CONTEXT)).isEqualTo(MATERIAL);
  }

  @Test
  void unwrap_withAnotherContext_failsIntegrity() {
    WrappedKey wrapped = provider().wrap(MATERIAL, CONTEXT);
    assertThatThrownBy(() -> provider().unwrap(wrapped, "custos-test/1\0row-8".getBytes(UTF_8)))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void unwrap_ofAnEditedCiphertext_failsIntegrity() {
    WrappedKey wrapped = provider().wrap(MATERIAL, CONTEXT);
    byte[] ciphertext = wrapped.ciphertext();
    for (int i = 0; i < ciphertext.length; i++) {
      ciphertext[i] ^= 0x01;
      WrappedKey edited = new WrappedKey(wrapped.wrappedBy(), ciphertext);
      assertThatThrownBy(() -> provider().unwrap(edited, CONTEXT)).isInstanceOf(IntegrityException.class);
      ciphertext[i] ^= 0x01;
    }
  }

  @Test
  void unwrap_underAnUnknownVersion_failsKeyNotFound() {
    WrappedKey wrapped = provider().wrap(MATERIAL, CONTEXT);
    WrappedKey unknown = new WrappedKey(new KeyVersion(wrapped.wrappedBy().keyId(), 99), wrapped.ciphertext());
    assertThatThrownBy(() -> provider().unwrap(unknown, CONTEXT)).isInstanceOf(KeyNotFoundException.class);
  }

  @Test
  void rotate_keepsOldWrapsAndWrapsWithTheNewVersion() {
    KeyVersion first = provider().current();
    WrappedKey old = provider().wrap(MATERIAL, CONTEXT);
    KeyVersion second = provider().rotate();
    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(provider().current()).isEqualTo(second);
    assertThat(provider().versions()).containsExactly(first, second);
    assertThat(provider().unwrap(old, CONTEXT)).isEqualTo(MATERIAL);
    WrappedKey fresh = provider().wrap(MATERIAL, CONTEXT);
    assertThat(fresh.wrappedBy()).isEqualTo(second);
    assertThat(provider().unwrap(fresh, CONTEXT)).isEqualTo(MATERIAL);
  }

  @Test
  void retire_makesTheOldVersionsWrapsFailKeyNotFound() {
    KeyVersion first = provider().current();
    WrappedKey old = provider().wrap(MATERIAL, CONTEXT);
    KeyVersion second = provider().rotate();
    provider().retire(first);
    assertThat(provider().versions()).containsExactly(second);
    assertThatThrownBy(() -> provider().unwrap(old, CONTEXT)).isInstanceOf(KeyNotFoundException.class);
    assertThatThrownBy(() -> reopen().unwrap(old, CONTEXT)).isInstanceOf(KeyNotFoundException.class);
  }

  @Test
  void retire_ofTheCurrentVersion_isRefused() {
    KeyVersion current = provider().current();
    assertThatThrownBy(() -> provider().retire(current)).isInstanceOf(IllegalArgumentException.class);
    assertThat(provider().versions()).containsExactly(current);
  }

  @Test
  void reopen_keepsVersionsAndWraps() {
    WrappedKey old = provider().wrap(MATERIAL, CONTEXT);
    provider().rotate();
    WrappedKey fresh = provider().wrap(MATERIAL, CONTEXT);
    List<KeyVersion> versions = provider().versions();
    RootKeyProvider reopened = reopen();
    assertThat(reopened.versions()).isEqualTo(versions);
    assertThat(reopened.current()).isEqualTo(fresh.wrappedBy());
    assertThat(reopened.unwrap(old, CONTEXT)).isEqualTo(MATERIAL);
    assertThat(reopened.unwrap(fresh, CONTEXT)).isEqualTo(MATERIAL);
  }

  @Test
  void thousandPatientKeys_surviveRotationRewrapAndRetirement() {
    KeyHierarchy hierarchy = new KeyHierarchy(provider());
    List<NewPatientKey> created = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      created.add(hierarchy.createPatientKey());
    }
    KeyVersion old = provider().current();
    provider().rotate();
    List<WrappedKey> rewrapped = new ArrayList<>();
    for (NewPatientKey key : created) {
      rewrapped.add(hierarchy.rewrap(key.key().id(), key.wrapped()));
    }
    provider().retire(old);
    KeyHierarchy reopened = new KeyHierarchy(reopen());
    byte[] ad = "row".getBytes(UTF_8);
    for (int i = 0; i < created.size(); i++) {
      PatientKey original = created.get(i).key();
      PatientKey opened = reopened.openPatientKey(original.id(), rewrapped.get(i));
      assertThat(opened.open(original.seal(MATERIAL, ad), ad)).isEqualTo(MATERIAL);
    }
    assertThatThrownBy(() -> reopened.openPatientKey(created.get(0).key().id(), created.get(0).wrapped()))
        .isInstanceOf(KeyNotFoundException.class);
  }
}
