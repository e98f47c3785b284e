package org.custos.archive.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Set;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomParseException;
import org.custos.dicom.DicomReader;
import org.custos.dicom.DicomStream;
import org.custos.dicom.DicomStreamReader;
import org.custos.dicom.ReadOptions;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.dictionary.Tags;

/**
 * Reads ahead just far enough to learn whose instance this is and which version it will be,
 * before encryption starts (the blob's associated data binds the SOP Instance UID and version,
 * and its data key is wrapped by the patient's key). Reads top-level elements up to Series
 * Instance UID (0020,000E) from a marked buffer, then resets it, so the full parse and the
 * encryption see every byte from the start.
 *
 * <p>Public so that a transport can learn the same UIDs before it hands the same buffered stream
 * to {@link Ingestor#ingest} (STOW-RS answers with them, and refuses an instance of another study
 * before storing it); the archive scans again and remains the judge.
 */
public final class HeaderPrescan {
  /** Read-ahead bound: groups 0008-0020 of real files are a few KiB; this leaves ample room. */
  public static final int LIMIT_BYTES = 8 * 1024 * 1024;

  private static final Set<Integer> WANTED = Set.of(Tag.SPECIFIC_CHARACTER_SET, Tags.SOPClassUID, Tags.SOPInstanceUID,
      Tags.PatientName, Tags.PatientID, Tags.IssuerOfPatientID, Tags.PatientBirthDate, Tags.PatientSex,
      Tags.StudyInstanceUID, Tags.SeriesInstanceUID);

  private HeaderPrescan() {}

  /**
   * Reads the identifying header and resets {@code in} to where it was.
   *
   * @throws InstanceRejectedException when the header is malformed, lacks a UID or is too large
   * @throws IOException when the source fails, or it cannot be reset (header larger than the mark)
   */
  public static InstanceAttributes scan(BufferedInputStream in) throws IOException {
    in.mark(LIMIT_BYTES);
    DataSet.Builder found = DataSet.builder();
    try {
      DicomStream stream = DicomReader.open(new UnclosableInput(in), -1, ReadOptions.DEFAULT);
      DicomStreamReader reader = stream.reader();
      DicomStreamReader.Event event;
      while ((event = reader.next()) != DicomStreamReader.Event.END) {
        if (reader.depth() != 0 || (event != DicomStreamReader.Event.ELEMENT
            && event != DicomStreamReader.Event.SEQUENCE_START && event != DicomStreamReader.Event.FRAGMENTS_START)) {
          continue;
        }
        if (Integer.compareUnsigned(reader.tag(), Tags.SeriesInstanceUID) > 0) {
          break;
        }
        if (event == DicomStreamReader.Event.ELEMENT && WANTED.contains(reader.tag())) {
          found.add(reader.tag(), reader.vr(), Value.Bytes.of(reader.readValue()));
        }
        if (reader.offset() > LIMIT_BYTES - 1024) {
          throw new InstanceRejectedException(RejectReason.HEADER_TOO_LARGE,
              "the elements before Series Instance UID (0020,000E) exceed " + LIMIT_BYTES + " bytes");
        }
      }
    } catch (DicomParseException e) {
      throw new InstanceRejectedException(RejectReason.MALFORMED, e.getMessage(), e);
    }
    in.reset();
    return InstanceAttributes.of(found.build());
  }
}
