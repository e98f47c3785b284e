package org.custos.dicom.interop;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.dicom.NumericValues;

/**
 * Reads the DCMTK-specific XML that {@code dcm2xml +Wb +Eb} writes into {@link DcmtkNode}s.
 *
 * <p>A small hand-written reader rather than a JDK XML parser, on purpose: dcmtk quotes bytes it
 * cannot represent as character references such as {@code &#27;} (ESC), which XML 1.0 forbids, and
 * without {@code +U8} it writes text values byte for byte under an encoding named after the data
 * set's character set (ISO-8859-5 for ISO_IR 144, and so on). The reader therefore works on bytes:
 * markup is ASCII; text content is kept as the original value bytes ({@code raw}, each {@code &#N;}
 * the byte N) or decoded with the declared encoding ({@code +U8} output). Text is returned as a
 * string either way; raw bytes as ISO 8859-1 characters, one per byte.
 *
 * <p>dcm2xml writes the base64 of OW (and the other word VRs) with the most significant byte of
 * each word first; the reader swaps each word back so that digests are over little endian bytes,
 * as our {@link org.custos.dicom.Value}s hold them. It streams, so base64 pixel data of tens of
 * megabytes is hashed as it is read, never held. Anything it does not recognise fails with the file
 * and what was found: a changed dcmtk output format must not be half-read.
 */
final class DcmtkXmlParser {
  private static final Pattern ENCODING = Pattern.compile("encoding=\"([^\"]+)\"");
  private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
  private static final int BASE64_CHUNK_CHARS = 1 << 16;

  private final Path file;
  private final InputStream in;
  private final Charset encoding;
  private final boolean textConverted;
  private int pushedBack = -2;

  private DcmtkXmlParser(Path file, InputStream in, Charset encoding, boolean textConverted) {
    this.file = file;
    this.in = in;
    this.encoding = encoding;
    this.textConverted = textConverted;
  }

  /**
   * Parses one {@code dcm2xml} output file.
   *
   * @param textConverted true for output of {@code +U8}: text is decoded with the declared
   *     encoding; false: text is kept as the value bytes
   */
  static DcmtkReading parse(Path xml, boolean textConverted) throws IOException {
    Charset charset = declaredEncoding(xml);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(xml), 1 << 16)) {
      return new DcmtkXmlParser(xml, in, charset, textConverted).document();
    }
  }

  private static Charset declaredEncoding(Path xml) throws IOException {
    byte[] head = new byte[200];
    int n;
    try (InputStream in = Files.newInputStream(xml)) {
      n = in.readNBytes(head, 0, head.length);
    }
    Matcher m = ENCODING.matcher(new String(head, 0, n, StandardCharsets.US_ASCII));
    return m.find() ? Charset.forName(m.group(1)) : StandardCharsets.UTF_8;
  }

  private DcmtkReading document() throws IOException {
    String dataSetXfer = null;
    List<DcmtkNode> meta = List.of();
    List<DcmtkNode> dataSet = null;
    for (String markup = nextMarkup(); markup != null; markup = nextMarkup()) {
      if (markup.startsWith("?xml") || markup.equals("file-format") || markup.equals("/file-format")) {
        continue;
      }
      String name = nameOf(markup);
      Map<String, String> attributes = attributes(markup);
      if (name.equals("meta-header")) {
        meta = markup.endsWith("/") ? List.of() : children("meta-header");
      } else if (name.equals("data-set")) {
        dataSetXfer = attributes.getOrDefault("xfer", "");
        dataSet = markup.endsWith("/") ? List.of() : children("data-set");
      } else {
        throw unexpected(markup);
      }
    }
    if (dataSet == null) {
      throw new IllegalStateException(file + ": dcm2xml output has no <data-set>");
    }
    return new DcmtkReading(dataSetXfer, meta, dataSet, textConverted);
  }

  /** Reads nodes until the closing tag of {@code parent}. */
  private List<DcmtkNode> children(String parent) throws IOException {
    List<DcmtkNode> nodes = new ArrayList<>();
    while (true) {
      String markup = nextMarkup();
      if (markup == null) {
        throw new IllegalStateException(file + ": output ends inside <" + parent + ">");
      }
      if (markup.equals("/" + parent)) {
        return nodes;
      }
      String name = nameOf(markup);
      if (!name.equals("element") && !name.equals("sequence")) {
        throw unexpected(markup);
      }
      Map<String, String> attributes = attributes(markup);
      int tag = parseTag(attributes.get("tag"));
      String vr = attributes.get("vr");
      nodes.add(name.equals("element") ? leaf(markup, tag, vr, attributes) : sequence(markup, tag, vr));
    }
  }

  private DcmtkNode.Leaf leaf(String markup, int tag, String vr, Map<String, String> attributes) throws IOException {
    int vm = Integer.parseInt(attributes.get("vm"));
    long length = Long.parseLong(attributes.get("len"));
    String binary = attributes.get("binary");
    if (binary == null) {
      String text = markup.endsWith("/") ? "" : text("element");
      return new DcmtkNode.Leaf(tag, vr, vm, length, text, false, "", -1);
    }
    if (!binary.equals("base64")) {
      throw new IllegalStateException(file + ": binary value not written as base64 (run dcm2xml with +Wb +Eb): " + markup);
    }
    Digest digest = markup.endsWith("/") ? new Digest(1) : base64("element", wordSize(vr));
    return new DcmtkNode.Leaf(tag, vr, vm, length, "", true, digest.hex(), digest.length);
  }

  private DcmtkNode sequence(String markup, int tag, String vr) throws IOException {
    List<List<DcmtkNode>> items = new ArrayList<>();
    List<DcmtkNode.Fragment> fragments = new ArrayList<>();
    if (!markup.endsWith("/")) {
      for (String child = nextMarkup(); !"/sequence".equals(child); child = nextMarkup()) {
        if (child == null) {
          throw new IllegalStateException(file + ": output ends inside <sequence>");
        }
        String name = nameOf(child);
        if (name.equals("item")) {
          items.add(child.endsWith("/") ? List.of() : children("item"));
        } else if (name.equals("pixel-item")) {
          Map<String, String> attributes = attributes(child);
          if (!"base64".equals(attributes.get("binary"))) {
            throw new IllegalStateException(file + ": pixel item not written as base64: " + child);
          }
          Digest digest = child.endsWith("/") ? new Digest(1) : base64("pixel-item", 1);
          long length = Long.parseLong(attributes.get("len"));
          if (digest.length != length) {
            throw new IllegalStateException(file + ": pixel item of len " + length + " has " + digest.length + " bytes");
          }
          fragments.add(new DcmtkNode.Fragment(length, digest.hex()));
        } else {
          throw unexpected(child);
        }
      }
    }
    if (!fragments.isEmpty() || vr.equals("OB") || vr.equals("OW")) {
      if (!items.isEmpty()) {
        throw new IllegalStateException(file + ": sequence mixes items and pixel items");
      }
      return new DcmtkNode.PixelSequence(tag, vr, fragments);
    }
    return new DcmtkNode.Sequence(tag, vr, items);
  }

  /**
   * Character content up to the closing tag: raw value bytes as ISO 8859-1 characters, or the
   * text decoded with the document encoding; {@code &#N;} is the byte N, or the character N.
   */
  private String text(String element) throws IOException {
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream run = new ByteArrayOutputStream();
    for (int c = read(); c != '<'; c = read()) {
      if (c < 0) {
        throw new IllegalStateException(file + ": output ends inside <" + element + ">");
      }
      if (c != '&') {
        run.write(c);
        continue;
      }
      String entity = entity();
      if (textConverted) {
        text.append(new String(run.toByteArray(), encoding)).append(entity);
        run.reset();
      } else if (entity.length() == 1 && entity.charAt(0) < 0x100) {
        run.write(entity.charAt(0));
      } else {
        throw new IllegalStateException(file + ": character reference beyond a byte in raw output: " + entity);
      }
    }
    expectClosing(element);
    Charset bytes = textConverted ? encoding : StandardCharsets.ISO_8859_1;
    return text.append(new String(run.toByteArray(), bytes)).toString();
  }

  /** The size of the words dcm2xml writes most significant byte first, for a VR. */
  private static int wordSize(String vr) {
    return switch (vr) {
      case "OW" -> 2;
      case "OF", "OL" -> 4;
      case "OD", "OV" -> 8;
      default -> 1;
    };
  }

  /** Base64 content up to the closing tag, decoded, swapped to little endian and hashed chunk by chunk. */
  private Digest base64(String element, int wordSize) throws IOException {
    Digest digest = new Digest(wordSize);
    StringBuilder chunk = new StringBuilder();
    for (int c = read(); c != '<'; c = read()) {
      if (c < 0) {
        throw new IllegalStateException(file + ": output ends inside <" + element + ">");
      }
      if (!Character.isWhitespace(c)) {
        chunk.append((char) c);
      }
      if (chunk.length() == BASE64_CHUNK_CHARS) {
        digest.update(Base64.getDecoder().decode(chunk.toString()));
        chunk.setLength(0);
      }
    }
    digest.update(Base64.getDecoder().decode(chunk.toString()));
    expectClosing(element);
    return digest;
  }

  private void expectClosing(String element) throws IOException {
    pushedBack = '<';
    String closing = nextMarkup();
    if (!("/" + element).equals(closing)) {
      throw new IllegalStateException(file + ": expected </" + element + ">, found <" + closing + ">");
    }
  }

  private String entity() throws IOException {
    StringBuilder name = new StringBuilder();
    for (int c = read(); c != ';'; c = read()) {
      if (c < 0 || name.length() > 10) {
        throw new IllegalStateException(file + ": bad entity &" + name);
      }
      name.append((char) c);
    }
    String n = name.toString();
    return switch (n) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> {
        if (!n.startsWith("#")) {
          throw new IllegalStateException(file + ": unknown entity &" + n + ";");
        }
        int code = n.startsWith("#x") ? Integer.parseInt(n.substring(2), 16) : Integer.parseInt(n.substring(1));
        yield new String(Character.toChars(code));
      }
    };
  }

  /** The text between the next '<' and '>', skipping character data outside elements. */
  private String nextMarkup() throws IOException {
    int c = read();
    while (c >= 0 && c != '<') {
      if (!Character.isWhitespace(c)) {
        throw new IllegalStateException(file + ": unexpected text '" + (char) c + "' between elements");
      }
      c = read();
    }
    if (c < 0) {
      return null;
    }
    StringBuilder markup = new StringBuilder();
    for (c = read(); c != '>'; c = read()) {
      if (c < 0) {
        throw new IllegalStateException(file + ": output ends inside markup <" + markup);
      }
      markup.append((char) c);
    }
    return markup.toString();
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private static String nameOf(String markup) {
    int end = 0;
    while (end < markup.length() && markup.charAt(end) != ' ' && markup.charAt(end) != '/') {
      end++;
    }
    return markup.substring(0, end);
  }

  private Map<String, String> attributes(String markup) {
    Map<String, String> attributes = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(markup);
    while (m.find()) {
      attributes.put(m.group(1), m.group(2));
    }
    return attributes;
  }

  private int parseTag(String text) {
    if (text == null || text.length() != 9 || text.charAt(4) != ',') {
      throw new IllegalStateException(file + ": bad tag attribute '" + text + "'");
    }
    return (int) Long.parseLong(text.substring(0, 4) + text.substring(5), 16);
  }

  private IllegalStateException unexpected(String markup) {
    return new IllegalStateException(file + ": unexpected <" + markup + "> in dcm2xml output");
  }

  /** SHA-256 and byte count of a stream of chunks. */
  private static final class Digest {
    private final MessageDigest sha256;
    private final int wordSize;
    private long length;

    Digest(int wordSize) {
      this.wordSize = wordSize;
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JDK", e);
      }
    }

    /** Chunks are whole words: 65536 base64 characters are 49152 bytes. */
    void update(byte[] bytes) {
      NumericValues.swap(bytes, 0, bytes.length, wordSize);
      sha256.update(bytes);
      length += bytes.length;
    }

    String hex() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}
