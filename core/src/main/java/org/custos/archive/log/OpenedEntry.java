package org.custos.archive.log;

import java.util.Map;
import java.util.Optional;

/**
 * A log entry as stored, opened where its key still exists: its leaf index, entry hash, and, unless
 * its patient was shredded, its salt and entry (the canonical bytes and the parsed map).
 */
public record OpenedEntry(long leafIndex, byte[] entryHash, Optional<Content> content) {
  public record Content(byte[] salt, byte[] canonical, Map<String, Object> entry) {}

  public String type() {
    return content.map(c -> (String) c.entry().get("type")).orElse("sealed");
  }
}
