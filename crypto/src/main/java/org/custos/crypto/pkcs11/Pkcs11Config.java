package org.custos.crypto.pkcs11;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which PKCS#11 token holds the root key: the module (shared library), the slot (by id, or by its
 * index in the module's slot list) and the user PIN. The JDK's SunPKCS11 provider selects tokens
 * by slot only; it has no public way to look a token up by label, so find the slot of a labelled
 * token with the vendor's tool (e.g. {@code softhsm2-util --show-slots}). Holds a copy of the PIN
 * and never prints it. Immutable.
 */
public final class Pkcs11Config {
  private final Path library;
  private final String slotLine;
  private final char[] pin;

  private Pkcs11Config(Path library, String slotLine, char[] pin) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(pin, "pin");
    String text = library.toAbsolutePath().toString();
    if (text.contains("\"") || text.contains("\n") || !Files.isRegularFile(library)) {
      throw new IllegalArgumentException("PKCS#11 library must be an existing file without quotes or newlines: " + library);
    }
    if (pin.length == 0) {
      throw new IllegalArgumentException("PKCS#11 PIN must not be empty");
    }
    this.library = library.toAbsolutePath();
    this.slotLine = slotLine;
    this.pin = pin.clone();
  }

  /** The token in slot {@code slotId} (the PKCS#11 CK_SLOT_ID). */
  public static Pkcs11Config forSlot(Path library, long slotId, char[] pin) {
    if (slotId < 0) {
      throw new IllegalArgumentException("PKCS#11 slot id must be >= 0, was " + slotId);
    }
    return new Pkcs11Config(library, "slot = " + slotId, pin);
  }

  /** The token in the {@code index}-th slot of the module's slot list (0-based). */
  public static Pkcs11Config forSlotListIndex(Path library, int index, char[] pin) {
    if (index < 0) {
      throw new IllegalArgumentException("PKCS#11 slot list index must be >= 0, was " + index);
    }
    return new Pkcs11Config(library, "slotListIndex = " + index, pin);
  }

  public Path library() {
    return library;
  }

  char[] pin() {
    return pin.clone();
  }

  /**
   * SunPKCS11 inline configuration (JDK PKCS#11 Reference Guide, "SunPKCS11 Configuration"):
   * secret keys generated through the provider get CKA_SENSITIVE = true and CKA_EXTRACTABLE =
   * false, so their value never leaves the token.
   */
  String sunPkcs11Config() {
    return "--name = Custos\n"
        + "library = \"" + library + "\"\n"
        + slotLine + "\n"
        + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
        + "  CKA_SENSITIVE = true\n"
        + "  CKA_EXTRACTABLE = false\n"
        + "}\n";
  }

  @Override
  public String toString() {
    return "Pkcs11Config[" + library + ", " + slotLine + "]";
  }
}
