package org.custos.server.dicomweb;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Custos's Implementation Class UID and Version Name (PS3.7 D.3.3.2), written into file meta
 * information Custos generates; the UID is of the PS3.5 B.2 form 2.25.&lt;UUID&gt;, derived from a
 * fixed name so it never changes.
 */
public final class ImplementationUid {
  public static final String UID = derive("org.custos:implementation-class");
  public static final String VERSION_NAME = "CUSTOS";

  private ImplementationUid() {}

  private static String derive(String name) {
    UUID uuid = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, bytes.array());
  }
}
