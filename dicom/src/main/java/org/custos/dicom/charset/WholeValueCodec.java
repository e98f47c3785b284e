package org.custos.dicom.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import org.custos.dicom.Vr;

/**
 * One charset for the whole value, no escape sequences: ISO_IR 192 (UTF-8), GB18030 and GBK
 * (PS3.3 Table C.12-5, which may not be used with code extension), and ISO-8859-1 for values whose
 * VR the Specific Character Set does not affect.
 */
final class WholeValueCodec implements TextCodec {
  private final Charset charset;
  private final String name;

  /** {@code name} is how an encoding failure names the repertoire; it never holds a value. */
  WholeValueCodec(Charset charset, String name) {
    this.charset = charset;
    this.name = name;
  }

  @Override
  public String decode(byte[] bytes, int offset, int length, Vr vr) {
    // String(byte[], int, int, Charset) replaces malformed and unmappable input with U+FFFD.
    return new String(bytes, offset, length, charset);
  }

  @Override
  public byte[] encode(String text, Vr vr) {
    CharsetEncoder encoder = charset.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new UnencodableTextException(firstUnencodable(text), name);
    }
  }

  private int firstUnencodable(String text) {
    CharsetEncoder encoder = charset.newEncoder();
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      int end = i + Character.charCount(text.codePointAt(i));
      if (!encoder.canEncode(text.subSequence(i, end))) {
        return i;
      }
    }
    return 0; // not reached: the whole text failed, so one of its code points does
  }
}
