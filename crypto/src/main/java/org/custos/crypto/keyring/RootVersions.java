package org.custos.crypto.keyring;

import com.google.crypto.tink.Aead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.crypto.KeyVersion;
import org.custos.crypto.keyring.KeyringDocument.RootVersion;

/**
 * An immutable snapshot of a keyring: the document as on disk and the unsealed AEAD of every
 * active version. Replaced as a whole after each successful write, so readers never lock.
 */
record RootVersions(KeyringDocument document, Map<Integer, Aead> active) {
  RootVersions {
    active = Map.copyOf(active);
  }

  KeyVersion current() {
    return new KeyVersion(KeyringFile.KEY_ID, newest().version());
  }

  List<KeyVersion> versions() {
    List<KeyVersion> out = new ArrayList<>();
    for (RootVersion v : document.versions()) {
      if (v.active()) {
        out.add(new KeyVersion(KeyringFile.KEY_ID, v.version()));
      }
    }
    return List.copyOf(out);
  }

  Optional<Aead> aead(KeyVersion version) {
    if (!KeyringFile.KEY_ID.equals(version.keyId())) {
      return Optional.empty();
    }
    return Optional.ofNullable(active.get(version.version()));
  }

  RootVersion newest() {
    return document.versions().get(document.versions().size() - 1);
  }

  RootVersions with(List<RootVersion> versions, Map<Integer, Aead> aeads) {
    KeyringDocument d = document;
    return new RootVersions(new KeyringDocument(d.format(), d.keyringId(), d.sealing(), versions), aeads);
  }
}
