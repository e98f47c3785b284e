package org.custos.dicom;

/**
 * Something legal-but-odd or tolerated-but-wrong that a parser met, with where it was. Never
 * contains element values.
 *
 * @param offset byte offset in the source
 * @param tag the tag concerned, or {@link DicomParseException#NO_TAG}
 * @param message what was noticed
 */
public record ParseWarning(long offset, int tag, String message) {
  @Override
  public String toString() {
    return message + " (at byte " + offset
        + (tag == DicomParseException.NO_TAG ? "" : ", tag " + Tag.toString(tag)) + ")";
  }
}
