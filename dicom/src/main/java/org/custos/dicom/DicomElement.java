package org.custos.dicom;

/**
 * One data element: tag, VR and value. For implicit VR input the VR comes from the dictionary
 * (UN when unknown). {@code toString()} never shows the value, which may be PHI.
 *
 * @param tag the tag, group in the high 16 bits
 * @param vr the value representation
 * @param value the value
 */
public record DicomElement(int tag, Vr vr, Value value) {
  public DicomElement {
    if (vr == null || value == null) {
      throw new IllegalArgumentException("element " + Tag.toString(tag) + " needs a VR and a value");
    }
  }

  /** Value length in bytes for leaf values, -1 for sequences and fragments. */
  public long valueLength() {
    return Value.lengthOf(value);
  }

  @Override
  public String toString() {
    return Tag.toString(tag) + " " + vr + " " + value;
  }
}
