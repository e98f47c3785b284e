package org.custos.dicom.charset;

import org.custos.dicom.Vr;

/** Turns the bytes of a character-set-sensitive value into text and back. Implementations are immutable. */
interface TextCodec {
  /** Never throws on any byte content; unreadable bytes become U+FFFD. */
  String decode(byte[] bytes, int offset, int length, Vr vr);

  /** Throws {@link UnencodableTextException} when a character has no encoding. */
  byte[] encode(String text, Vr vr);
}
