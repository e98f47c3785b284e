package org.custos.server.dicomweb.wado;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.dicom.TransferSyntax;
import org.custos.server.dicomweb.MediaType;
import org.custos.server.dicomweb.NotAcceptableException;
import org.custos.server.dicomweb.StoredInstance;

/**
 * How the instances of one retrieve are sent, decided from the Accept header before any byte is
 * (PS3.18 8.7.3): as a multipart body or, for one instance, a single {@code application/dicom}
 * body; each instance as stored or transcoded to Explicit VR Little Endian.
 *
 * <p>Rules, in the order of the client's preference: {@code transfer-syntax=*}, the stored syntax
 * itself, and no transfer-syntax parameter at all send the instance as stored; an explicit
 * {@code 1.2.840.10008.1.2.1} transcodes natively encoded instances (implicit VR, big endian,
 * deflated) and cannot be met for compressed ones; any other syntax cannot be met. The first
 * media range every instance can meet wins; none is a 406. Sending as stored when the parameter is
 * absent deviates from PS3.18's default (Explicit VR Little Endian): converting without being asked
 * would change the bytes of lossless and lossy objects alike, and most clients that omit it want
 * them as they were stored (docs/dicomweb.md).
 */
record RetrievePlan(boolean multipart, Set<String> transcodedInstanceIds) {
  static final String DICOM = "application/dicom";
  static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

  static RetrievePlan negotiate(List<MediaType> ranges, List<StoredInstance> instances) {
    for (MediaType range : ranges) {
      boolean multipart = range.isWildcard() || range.isMultipartRelated()
          && range.partType().map(type -> type.includes(DICOM)).orElse(true);
      boolean single = !multipart && instances.size() == 1 && range.includes(DICOM);
      if (!multipart && !single) {
        continue;
      }
      Optional<String> syntax = range.transferSyntax()
          .or(() -> range.partType().flatMap(MediaType::transferSyntax));
      Set<String> transcoded = new HashSet<>();
      boolean met = true;
      for (StoredInstance instance : instances) {
        String stored = instance.row().transferSyntaxUid();
        if (syntax.isEmpty() || syntax.get().equals("*") || syntax.get().equals(stored)) {
          continue;
        }
        if (syntax.get().equals(EXPLICIT_LE) && TransferSyntax.of(stored).map(TransferSyntax::isNative).orElse(false)) {
          transcoded.add(instance.row().instanceId());
          continue;
        }
        met = false;
        break;
      }
      if (met) {
        return new RetrievePlan(multipart, Set.copyOf(transcoded));
      }
    }
    throw new NotAcceptableException("instances are sent as multipart/related; type=\"application/dicom\" (or "
        + "application/dicom for one instance), as stored (transfer-syntax=*) or, when stored uncompressed, in "
        + EXPLICIT_LE + "; the Accept header allows none of these for "
        + (instances.size() == 1 ? "this instance" : "all " + instances.size() + " instances"));
  }

  boolean transcodes(StoredInstance instance) {
    return transcodedInstanceIds.contains(instance.row().instanceId());
  }
}
