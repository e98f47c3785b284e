package org.custos.dicom.image;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Tag;
import org.custos.dicom.dictionary.Tags;

/** Reads a {@link PixelDescription} from a data set; messages name attributes, never values. */
final class PixelModuleReader {
  /** PS3.5 Table 6.2-1, DS: a fixed or floating point number, optionally signed. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private PixelModuleReader() {}

  static PixelDescription read(DataSet ds) {
    int samplesPerPixel = required(ds, Tags.SamplesPerPixel, "Samples per Pixel");
    String term = ds.getString(Tags.PhotometricInterpretation).orElseThrow(() ->
        new ImageException("Photometric Interpretation (0028,0004) is missing"));
    PhotometricInterpretation photometric = PhotometricInterpretation.ofTerm(term).orElseThrow(() ->
        new ImageException("Photometric Interpretation (0028,0004) is not a defined term of PS3.3 C.7.6.3.1.2"));
    // PS3.3 C.7.6.3.1.3: Planar Configuration is Type 1C, present only when Samples per Pixel > 1;
    // some writers omit it, and colour-by-pixel is then the only reading that makes sense.
    int planar = samplesPerPixel > 1 ? optional(ds, Tags.PlanarConfiguration, "Planar Configuration").orElse(0) : 0;
    return new PixelDescription(
        required(ds, Tags.Rows, "Rows"),
        required(ds, Tags.Columns, "Columns"),
        samplesPerPixel,
        required(ds, Tags.BitsAllocated, "Bits Allocated"),
        required(ds, Tags.BitsStored, "Bits Stored"),
        required(ds, Tags.HighBit, "High Bit"),
        required(ds, Tags.PixelRepresentation, "Pixel Representation"),
        photometric,
        planar,
        optional(ds, Tags.NumberOfFrames, "Number of Frames").orElse(1),
        firstDecimal(ds, Tags.RescaleSlope, "Rescale Slope"),
        firstDecimal(ds, Tags.RescaleIntercept, "Rescale Intercept"),
        decimals(ds, Tags.WindowCenter, "Window Center"),
        decimals(ds, Tags.WindowWidth, "Window Width"));
  }

  private static int required(DataSet ds, int tag, String name) {
    return optional(ds, tag, name).orElseThrow(() ->
        new ImageException(name + " " + Tag.toString(tag) + " is missing"));
  }

  /** Empty when absent or zero-length; an error when present but not an integer. */
  private static OptionalInt optional(DataSet ds, int tag, String name) {
    OptionalInt value = ds.getInt(tag);
    if (value.isPresent() || !ds.contains(tag) || isEmpty(ds, tag)) {
      return value;
    }
    throw new ImageException(name + " " + Tag.toString(tag) + " is not an integer of its VR");
  }

  private static boolean isEmpty(DataSet ds, int tag) {
    DicomElement element = ds.get(tag).orElseThrow();
    return element.valueLength() == 0
        || element.vr().isText() && ds.getStrings(tag).stream().allMatch(String::isBlank);
  }

  private static OptionalDouble firstDecimal(DataSet ds, int tag, String name) {
    List<Double> values = decimals(ds, tag, name);
    return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0));
  }

  private static List<Double> decimals(DataSet ds, int tag, String name) {
    List<Double> values = new ArrayList<>();
    for (String text : ds.getStrings(tag)) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!DECIMAL.matcher(trimmed).matches()) {
        throw new ImageException(name + " " + Tag.toString(tag) + " is not a decimal string (PS3.5 6.2, DS)");
      }
      double value = Double.parseDouble(trimmed);
      if (!Double.isFinite(value)) {
        throw new ImageException(name + " " + Tag.toString(tag) + " is out of the range of a double");
      }
      values.add(value);
    }
    return values;
  }
}
