package org.custos.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one line per signature,
 * {@code — <name> <base64(key id ‖ signature)>}. The signed bytes are the text alone. Parsing
 * is strict: anything else is an {@link IllegalArgumentException} naming the line.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  private static final String DASH = "\u2014 ";

  public SignedNote {
    if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
      throw new IllegalArgumentException("note text must end in one newline and contain no blank line");
    }
    signatures = List.copyOf(signatures);
  }

  public String encode() {
    StringBuilder out = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      byte[] blob = ByteBuffer.allocate(4 + s.signature().length).putInt(s.keyId()).put(s.signature()).array();
      out.append(DASH).append(s.keyName()).append(' ').append(Base64.getEncoder().encodeToString(blob)).append('\n');
    }
    return out.toString();
  }

  public static SignedNote parse(String note) {
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("a signed note needs a blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String[] lines = note.substring(split + 2).split("\n", -1);
    List<NoteSignature> signatures = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() && i == lines.length - 1) {
        break;
      }
      if (!line.startsWith(DASH)) {
        throw new IllegalArgumentException("signature line " + (i + 1) + " does not start with an em dash and a space");
      }
      String[] parts = line.substring(DASH.length()).split(" ");
      if (parts.length != 2) {
        throw new IllegalArgumentException("signature line " + (i + 1) + " is not '— name signature'");
      }
      byte[] blob;
      try {
        blob = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("signature line " + (i + 1) + " is not base64", e);
      }
      if (blob.length < 5) {
        throw new IllegalArgumentException("signature line " + (i + 1) + " is too short");
      }
      ByteBuffer buffer = ByteBuffer.wrap(blob);
      int keyId = buffer.getInt();
      byte[] signature = new byte[buffer.remaining()];
      buffer.get(signature);
      signatures.add(new NoteSignature(parts[0], keyId, signature));
    }
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note needs at least one signature");
    }
    return new SignedNote(text, signatures);
  }

  /** Whether one of the signatures is {@code key}'s valid signature of the text. */
  public boolean verifiedBy(NoteKey key) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return signatures.stream().anyMatch(s -> key.verifies(bytes, s));
  }
}
