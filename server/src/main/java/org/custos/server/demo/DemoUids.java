package org.custos.server.demo;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** PS3.5 B.2: UIDs of the form 2.25.&lt;UUID as an integer&gt;, derived from a name so the demo is reproducible. */
final class DemoUids {
  private DemoUids() {}

  static String of(String name) {
    UUID uuid = UUID.nameUUIDFromBytes(("custos-demo:" + name).getBytes(StandardCharsets.UTF_8));
    ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, bytes.array());
  }
}
