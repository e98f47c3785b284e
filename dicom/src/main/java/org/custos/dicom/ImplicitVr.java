package org.custos.dicom;

import java.util.List;
import java.util.Optional;
import org.custos.dicom.dictionary.DicomDictionary;
import org.custos.dicom.dictionary.DictionaryEntry;

/** The VR of an element read in implicit VR, from the data dictionary (PS3.5 A.1, PS3.6). */
final class ImplicitVr {
  private ImplicitVr() {}

  /**
   * The dictionary VR; where PS3.6 lists alternatives: "US or SS" follows Pixel Representation
   * (PS3.5 A.1 c), "OB or OW" and other choices with OW take OW (implicit VR native pixel data is
   * OW). Unknown and private elements are UN, except that an undefined length on an unknown
   * element can only be a sequence (PS3.5 7.5.1), so it is read as SQ.
   */
  static Vr of(int tag, long length, int pixelRepresentation) {
    Optional<DictionaryEntry> entry = DicomDictionary.lookup(tag);
    if (entry.isEmpty() || entry.get().vrs().isEmpty()) {
      return length == 0xFFFFFFFFL ? Vr.SQ : Vr.UN;
    }
    List<Vr> vrs = entry.get().vrs();
    if (vrs.size() == 1) {
      return vrs.get(0);
    }
    if (vrs.contains(Vr.OW)) {
      return Vr.OW;
    }
    if (vrs.contains(Vr.SS) && vrs.contains(Vr.US)) {
      return pixelRepresentation == 1 ? Vr.SS : Vr.US;
    }
    return vrs.get(0);
  }
}
