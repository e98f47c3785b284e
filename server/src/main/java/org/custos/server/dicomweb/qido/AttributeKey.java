package org.custos.server.dicomweb.qido;

import java.util.Optional;
import java.util.regex.Pattern;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.DicomDictionary;
import org.custos.dicom.dictionary.DictionaryEntry;
import org.custos.server.dicomweb.InvalidRequestException;

/**
 * An attribute named in a query: by keyword ({@code PatientName}) or tag ({@code 00100010},
 * {@code 0010,0010}, {@code (0010,0010)}), PS3.18 8.3.4.1. The VR comes from the PS3.6 registry;
 * {@code keyword} is empty for tags it does not know (private ones).
 */
record AttributeKey(int tag, Vr vr, String keyword) {
  private static final Pattern HEX_TAG = Pattern.compile("\\(?([0-9A-Fa-f]{4}),?([0-9A-Fa-f]{4})\\)?");

  static AttributeKey of(int tag) {
    Optional<DictionaryEntry> entry = DicomDictionary.lookup(tag);
    return new AttributeKey(tag, entry.map(DictionaryEntry::vr).orElse(Vr.UN),
        entry.map(DictionaryEntry::keyword).orElse(""));
  }

  /** @throws InvalidRequestException naming {@code parameter} when {@code text} names no attribute */
  static AttributeKey parse(String text, String parameter) {
    var hex = HEX_TAG.matcher(text);
    if (hex.matches()) {
      return of((int) Long.parseLong(hex.group(1) + hex.group(2), 16));
    }
    var tag = DicomDictionary.tagOf(text);
    if (tag.isEmpty()) {
      throw new InvalidRequestException(parameter, "'" + text + "' is neither a PS3.6 keyword nor a tag (GGGGEEEE)");
    }
    return of(tag.getAsInt());
  }

  String hex() {
    return Tag.toHex(tag);
  }

  @Override
  public String toString() {
    return keyword.isEmpty() ? Tag.toString(tag) : keyword;
  }
}
