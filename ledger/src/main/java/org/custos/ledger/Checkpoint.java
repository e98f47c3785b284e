package org.custos.ledger;

import java.util.Base64;
import java.util.List;

/**
 * A log checkpoint in the C2SP tlog-checkpoint form: origin line, tree size in decimal, base64 root
 * hash, then optional extension lines; carried as the text of a {@link SignedNote}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
  public Checkpoint {
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("checkpoint origin must be one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must be >= 0, was " + size);
    }
    if (rootHash.length != MerkleHashes.SIZE) {
      throw new IllegalArgumentException("checkpoint root hash must be 32 bytes, was " + rootHash.length);
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  public String text() {
    StringBuilder out = new StringBuilder(origin).append('\n').append(size).append('\n')
        .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
    extensions.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  public static Checkpoint parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
      throw new IllegalArgumentException("a checkpoint has origin, size and root hash lines, each ending in a newline");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint line 2 is not a tree size", e);
    }
    if (!lines[1].equals(Long.toString(size))) {
      throw new IllegalArgumentException("checkpoint line 2 is not a canonical decimal size");
    }
    byte[] root = Base64.getDecoder().decode(lines[2]);
    return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length - 1));
  }
}
