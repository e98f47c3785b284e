package org.custos.dicom.json;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.custos.dicom.DicomException;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Resolves a BulkDataURI met while reading, and checks what the resolver gives back. */
final class BulkUriResolution {
  /** PS3.18 F.2.6: the VRs whose value a BulkDataURI may stand for. */
  private static final Set<Vr> URI_VRS = EnumSet.of(Vr.DS, Vr.FL, Vr.FD, Vr.IS, Vr.LT, Vr.OB, Vr.OD, Vr.OF,
      Vr.OL, Vr.OV, Vr.OW, Vr.SL, Vr.SS, Vr.ST, Vr.SV, Vr.UC, Vr.UL, Vr.UN, Vr.UR, Vr.US, Vr.UT, Vr.UV);

  private BulkUriResolution() {}

  static Value resolve(BulkDataResolver resolver, String uri, int tag, Vr vr, Where where) {
    if (!URI_VRS.contains(vr)) {
      throw DicomJsonException.reading("BulkDataURI is not allowed for VR " + vr + " (PS3.18 F.2.6)", where, tag, null);
    }
    if (resolver == BulkDataResolver.REJECT) {
      throw DicomJsonException.reading("BulkDataURI cannot be resolved: no BulkDataResolver was given",
          where, tag, null);
    }
    Value value;
    try {
      value = resolver.resolve(uri, tag, vr);
    } catch (IOException | DicomException e) {
      throw DicomJsonException.reading("BulkDataURI could not be resolved", where, tag, e);
    }
    boolean fragmentsAllowed = vr == Vr.OB || vr == Vr.OW;
    if (value instanceof Value.Bytes || value instanceof Value.Bulk
        || (value instanceof Value.Fragments && fragmentsAllowed)) {
      return value;
    }
    throw DicomJsonException.reading("BulkDataResolver gave no bytes, bulk reference or fragments for VR " + vr,
        where, tag, null);
  }
}
