package org.custos.crypto;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Patient key ids: {@code pk-} and 26 characters of lowercase RFC 4648 base32 (128 random bits),
 * so an id says nothing about the patient. Ids read back from storage or blob headers are checked
 * against a looser shape (1-64 of [A-Za-z0-9._-]) so the format can evolve.
 */
final class PatientKeyIds {
  static final int MAX_LENGTH = 64;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PatientKeyIds() {}

  static String next() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return "pk-" + base32(random);
  }

  static String check(String id) {
    if (id == null || !SHAPE.matcher(id).matches()) {
      throw new IllegalArgumentException("patient key id must be 1-64 of [A-Za-z0-9._-]");
    }
    return id;
  }

  static boolean isWellFormed(String id) {
    return SHAPE.matcher(id).matches();
  }

  // RFC 4648 section 6, lowercase, without padding: 16 bytes -> 26 characters.
  private static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
