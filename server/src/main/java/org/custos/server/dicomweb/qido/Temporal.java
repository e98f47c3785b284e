package org.custos.server.dicomweb.qido;

import java.util.regex.Pattern;
import org.custos.dicom.Vr;
import org.custos.server.dicomweb.InvalidRequestException;

/**
 * Dates and times made comparable as strings (PS3.4 C.2.2.2.5 range matching): every DA, TM and DT
 * value is padded to full precision, {@code YYYYMMDD}, {@code HHMMSS.FFFFFF} or
 * {@code YYYYMMDDHHMMSS.FFFFFF}. A bound given with less precision covers all it stands for: the
 * upper bound {@code 10} is {@code 105959.999999}. Colons and dots of the ACR-NEMA forms are
 * accepted; a DT's UTC offset is ignored (values are compared as written).
 */
final class Temporal {
  static final String MIN = "";
  static final String MAX = "\uffff";

  private static final Pattern DA = Pattern.compile("\\d{8}");
  private static final Pattern TM = Pattern.compile("\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?");
  private static final Pattern DT =
      Pattern.compile("\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,6})?)?)?)?)?)?");
  private static final String TM_LOW = "000000.000000";
  private static final String TM_HIGH = "235959.999999";
  private static final String DT_LOW = "00000101000000.000000";
  private static final String DT_HIGH = "99991231235959.999999";

  private Temporal() {}

  static String lower(Vr vr, String bound, String parameter) {
    return pad(vr, valid(vr, bound, parameter), false);
  }

  static String upper(Vr vr, String bound, String parameter) {
    return pad(vr, valid(vr, bound, parameter), true);
  }

  /** A stored value, padded like a lower bound; lenient (values were not validated at ingest). */
  static String value(Vr vr, String stored) {
    return pad(vr, clean(vr, stored), false);
  }

  private static String valid(Vr vr, String bound, String parameter) {
    String cleaned = clean(vr, bound);
    Pattern pattern = vr == Vr.DA ? DA : vr == Vr.TM ? TM : DT;
    if (!pattern.matcher(cleaned).matches() || !inRange(vr == Vr.TM ? cleaned : "", vr == Vr.TM ? "" : cleaned)) {
      throw new InvalidRequestException(parameter, switch (vr) {
        case DA -> "a date is YYYYMMDD (PS3.5 6.2 DA)";
        case TM -> "a time is HH, HHMM, HHMMSS or HHMMSS.FFFFFF (PS3.5 6.2 TM)";
        default -> "a date-time is YYYY[MM[DD[HH[MM[SS[.FFFFFF]]]]]] (PS3.5 6.2 DT)";
      });
    }
    return cleaned;
  }

  /** Month 1-12, day 1-31, hour 0-23, minute 0-59, second 0-60 (a leap second), where given. */
  private static boolean inRange(String time, String date) {
    String t = time.isEmpty() && date.length() > 8 ? date.substring(8) : time;
    return field(date, 4, 1, 12) && field(date, 6, 1, 31) && field(t, 0, 0, 23) && field(t, 2, 0, 59)
        && field(t, 4, 0, 60);
  }

  private static boolean field(String text, int at, int min, int max) {
    if (text.length() < at + 2 || text.charAt(at) == '.') {
      return true;
    }
    int value = Integer.parseInt(text.substring(at, at + 2));
    return value >= min && value <= max;
  }

  private static String clean(Vr vr, String text) {
    String t = text.strip();
    return switch (vr) {
      case DA -> t.replace(".", "");
      case TM -> t.replace(":", "");
      default -> t.replaceFirst("[+-]\\d{4}$", "");
    };
  }

  private static String pad(Vr vr, String value, boolean high) {
    if (vr == Vr.DA) {
      return value;
    }
    String template = vr == Vr.TM ? (high ? TM_HIGH : TM_LOW) : (high ? DT_HIGH : DT_LOW);
    return value.length() >= template.length() ? value : value + template.substring(value.length());
  }
}
