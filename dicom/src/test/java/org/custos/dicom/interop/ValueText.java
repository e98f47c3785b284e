package org.custos.dicom.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.custos.dicom.DataSet;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.charset.SpecificCharacterSet;

/** Values of both readings as lists of strings, so that they can be compared and shown. */
final class ValueText {
  /** Any tag other than (0008,0005): a scratch data set must not take its character set from it. */
  private static final int SCRATCH_TAG = Tag.of(0x0009, 0x1000);
  private static final SpecificCharacterSet BYTES_AS_LATIN_1 = SpecificCharacterSet.of(List.of("ISO_IR 100"));
  private static final int SHOWN_VALUES = 6;

  private ValueText() {}

  /** dcmtk's values: its text split at '\' for VRs with value multiplicity (PS3.5 6.4). */
  static List<String> dcmtkValues(DcmtkNode.Leaf leaf, Vr vr) {
    if (leaf.text().isEmpty() && leaf.vm() == 0) {
      return List.of();
    }
    boolean singleValued = vr == Vr.LT || vr == Vr.ST || vr == Vr.UT || vr == Vr.UR;
    return singleValued ? List.of(leaf.text()) : Arrays.asList(leaf.text().split("\\\\", -1));
  }

  /**
   * Our strings for {@code bytes} as a value of {@code vr} in {@code container}: decoded with the
   * container's Specific Character Set, or, when {@code decode} is false, byte for byte as ISO
   * 8859-1 characters (to compare with dcmtk's raw output). Split and trimmed by our rules either way.
   */
  static List<String> ourStrings(DataSet container, int tag, Vr vr, byte[] bytes, boolean decode) {
    SpecificCharacterSet charset = decode ? container.characterSet() : BYTES_AS_LATIN_1;
    int lookup = tag == Tag.SPECIFIC_CHARACTER_SET ? SCRATCH_TAG : tag;
    return DataSet.builder().inheritCharacterSet(charset)
        .add(lookup, vr, Value.Bytes.of(bytes)).build().getStrings(lookup);
  }

  /** Our binary values formatted as dcmtk prints them (AT as {@code (gggg,eeee)}). */
  static List<String> ourNumbers(Vr vr, byte[] b) {
    int size = vr == Vr.AT ? 4 : vr.bytesPerValue(); // an AT value is two 16-bit halves (PS3.5 6.2)
    List<String> values = new ArrayList<>(b.length / size);
    for (int off = 0; off + size <= b.length; off += size) {
      values.add(switch (vr) {
        case US -> Integer.toString(NumericValues.u16(b, off));
        case SS -> Integer.toString((short) NumericValues.u16(b, off));
        case UL -> Integer.toUnsignedString(NumericValues.i32(b, off));
        case SL -> Integer.toString(NumericValues.i32(b, off));
        case SV -> Long.toString(NumericValues.i64(b, off));
        case UV -> Long.toUnsignedString(NumericValues.i64(b, off));
        case FL -> Float.toString(Float.intBitsToFloat(NumericValues.i32(b, off)));
        case FD -> Double.toString(Double.longBitsToDouble(NumericValues.i64(b, off)));
        case AT -> String.format(Locale.ROOT, "(%04x,%04x)", NumericValues.u16(b, off), NumericValues.u16(b, off + 2));
        default -> throw new IllegalArgumentException("not a binary VR: " + vr);
      });
    }
    return values;
  }

  /**
   * Whether two lists of numbers are equal: integers and tags as text, FL and FD as the same
   * IEEE value (dcmtk prints 9 and 17 significant digits, enough to round-trip exactly).
   */
  static boolean sameNumbers(Vr vr, List<String> ours, List<String> theirs) {
    if (ours.size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < ours.size(); i++) {
      String mine = ours.get(i);
      String their = theirs.get(i).trim();
      boolean same;
      try {
        same = switch (vr) {
          case FL -> Float.compare(Float.parseFloat(mine), Float.parseFloat(javaSpelling(their))) == 0;
          case FD -> Double.compare(Double.parseDouble(mine), Double.parseDouble(javaSpelling(their))) == 0;
          case AT -> mine.equalsIgnoreCase(their);
          default -> mine.equals(their);
        };
      } catch (NumberFormatException e) {
        same = false; // dcmtk printed something that is not a number: a value difference
      }
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** dcmtk prints C's {@code nan} and {@code inf}; Java spells them NaN and Infinity. */
  private static String javaSpelling(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan", "-nan", "+nan" -> "NaN";
      case "inf", "+inf" -> "Infinity";
      case "-inf" -> "-Infinity";
      default -> text;
    };
  }

  /** A few values for a report, quoted, so that padding differences are visible. */
  static String show(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size() && i < SHOWN_VALUES; i++) {
      out.append(i == 0 ? "" : ", ").append('\'').append(escape(values.get(i))).append('\'');
    }
    return out.append(values.size() > SHOWN_VALUES ? ", … " + values.size() + " values]" : "]").toString();
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : (value.length() > 80 ? value.substring(0, 80) + "…" : value).toCharArray()) {
      out.append(c < 0x20 || c == 0x7F ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }
}
