package org.custos.storage.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What a pg_dump holds, as bytes an attacker would search: bytea fields ({@code \x…} hex) decoded
 * to their bytes, text fields as UTF-8, schema text as is. Fields that are plain integers (sizes,
 * versions, epoch milliseconds) are left out: they cannot hold a name, and their digits would
 * match any numeric patient ID by chance.
 */
final class PgDumpContent {
  private PgDumpContent() {}

  static byte[] of(String dump) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean inCopy = false;
    for (String line : dump.split("\n")) {
      if (inCopy && line.equals("\\.")) {
        inCopy = false;
        continue;
      }
      if (!inCopy) {
        out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
        inCopy = line.startsWith("COPY ");
        continue;
      }
      for (String field : line.split("\t")) {
        if (field.startsWith("\\\\x")) {
          out.writeBytes(HexFormat.of().parseHex(field.substring(3)));
        } else if (!field.matches("-?\\d+")) {
          out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        }
        out.write(0);
      }
    }
    return out.toByteArray();
  }
}
