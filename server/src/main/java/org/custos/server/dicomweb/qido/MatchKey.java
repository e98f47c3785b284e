package org.custos.server.dicomweb.qido;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.archive.ingest.PatientIdentity;
import org.custos.dicom.Vr;
import org.custos.server.dicomweb.InvalidRequestException;
import org.custos.server.dicomweb.Uids;

/**
 * One matching key of a query and how it matches (PS3.4 C.2.2.2): universal (empty or {@code *}),
 * single value, wild card ({@code *}, {@code ?}), range (DA, TM, DT: {@code a-}, {@code -b},
 * {@code a-b}) or list (UIDs separated by comma or backslash; CS values by backslash). Person
 * names match case-insensitively with component and group separators ignored, the whole name or
 * any one component group; everything else is case-sensitive. Validated at construction; values
 * are PHI, so {@code toString} names the attribute and the kind only.
 */
final class MatchKey {
  enum Kind {
    UNIVERSAL,
    SINGLE,
    WILDCARD,
    RANGE,
    LIST
  }

  /** PS3.4 C.2.2.2.4: the VRs wild card matching applies to. */
  private static final Set<Vr> WILDCARD_VRS =
      EnumSet.of(Vr.AE, Vr.CS, Vr.LO, Vr.LT, Vr.PN, Vr.SH, Vr.ST, Vr.UC, Vr.UR, Vr.UT);
  private static final Set<Vr> RANGE_VRS = EnumSet.of(Vr.DA, Vr.TM, Vr.DT);
  private static final Set<Vr> NUMBER_VRS =
      EnumSet.of(Vr.IS, Vr.DS, Vr.US, Vr.SS, Vr.UL, Vr.SL, Vr.UV, Vr.SV, Vr.FL, Vr.FD);

  private final AttributeKey attribute;
  private final Kind kind;
  private final List<String> values;
  private final Optional<Pattern> pattern;
  private final String lower;
  private final String upper;

  private MatchKey(AttributeKey attribute, Kind kind, List<String> values, Optional<Pattern> pattern, String lower,
      String upper) {
    this.attribute = attribute;
    this.kind = kind;
    this.values = List.copyOf(values);
    this.pattern = pattern;
    this.lower = lower;
    this.upper = upper;
  }

  /** @throws InvalidRequestException naming {@code parameter} when the value cannot be matched on this VR */
  static MatchKey of(AttributeKey attribute, String value, String parameter) {
    Vr vr = attribute.vr();
    String v = value.strip();
    if (v.isEmpty() || v.equals("*")) {
      return new MatchKey(attribute, Kind.UNIVERSAL, List.of(), Optional.empty(), "", "");
    }
    if (vr == Vr.SQ) {
      throw new InvalidRequestException(parameter, "sequence matching is not supported; use includefield");
    }
    if (vr.kind() == Vr.Kind.BULK) {
      throw new InvalidRequestException(parameter, "attributes of VR " + vr + " cannot be matched");
    }
    boolean wild = v.indexOf('*') >= 0 || v.indexOf('?') >= 0;
    if (wild && !WILDCARD_VRS.contains(vr)) {
      throw new InvalidRequestException(parameter, "wild cards apply to AE, CS, LO, LT, PN, SH, ST, UC, UR and UT"
          + " values only (PS3.4 C.2.2.2.4), not to " + vr);
    }
    if (vr == Vr.UI) {
      List<String> uids = new ArrayList<>();
      for (String uid : v.split("[,\\\\]")) {
        uids.add(Uids.require(uid.strip(), parameter));
      }
      return new MatchKey(attribute, Kind.LIST, uids, Optional.empty(), "", "");
    }
    if (RANGE_VRS.contains(vr)) {
      return temporal(attribute, vr, v, parameter);
    }
    if (NUMBER_VRS.contains(vr)) {
      number(v, parameter);
      return new MatchKey(attribute, Kind.SINGLE, List.of(v), Optional.empty(), "", "");
    }
    if (vr == Vr.CS && v.indexOf('\\') >= 0) {
      // Any of several values (PS3.4 C.2.2.2.8 style, as clients send ModalitiesInStudy=CT\MR).
      List<String> values = Arrays.stream(v.split("\\\\")).map(String::strip).filter(part -> !part.isEmpty()).toList();
      if (values.isEmpty() || values.contains("*")) {
        return new MatchKey(attribute, Kind.UNIVERSAL, List.of(), Optional.empty(), "", "");
      }
      List<MatchKey> parts = new ArrayList<>();
      for (String part : values) {
        parts.add(of(attribute, part, parameter));
      }
      boolean anyWild = parts.stream().anyMatch(part -> part.kind != Kind.SINGLE);
      return new MatchKey(attribute, Kind.LIST, values, anyWild ? Optional.of(anyOf(parts)) : Optional.empty(), "", "");
    }
    if (wild) {
      return new MatchKey(attribute, Kind.WILDCARD, List.of(v), Optional.of(wildcard(v, vr == Vr.PN)), "", "");
    }
    return new MatchKey(attribute, Kind.SINGLE, List.of(v), Optional.empty(), "", "");
  }

  private static MatchKey temporal(AttributeKey attribute, Vr vr, String v, String parameter) {
    int dash = v.indexOf('-');
    if (vr == Vr.DT) {
      // A DT value may carry a UTC offset "-HHMM" itself; a range has its dash after the year.
      dash = v.length() > 4 && v.charAt(0) != '-' ? v.indexOf('-', 4) : v.indexOf('-');
      if (dash > 0 && !v.substring(dash + 1).isEmpty() && v.substring(dash + 1).length() == 4
          && v.substring(0, dash).length() >= 8 && v.substring(dash + 1).matches("\\d{4}")) {
        dash = -1; // YYYYMMDD...-HHMM: an offset, not a range
      }
    }
    if (dash < 0) {
      String single = Temporal.lower(vr, v, parameter);
      String high = Temporal.upper(vr, v, parameter);
      return new MatchKey(attribute, Kind.RANGE, List.of(v), Optional.empty(), single, high);
    }
    String from = v.substring(0, dash).strip();
    String to = v.substring(dash + 1).strip();
    if (from.isEmpty() && to.isEmpty()) {
      throw new InvalidRequestException(parameter, "a range needs at least one bound");
    }
    String low = from.isEmpty() ? Temporal.MIN : Temporal.lower(vr, from, parameter);
    String high = to.isEmpty() ? Temporal.MAX : Temporal.upper(vr, to, parameter);
    if (low.compareTo(high) > 0) {
      throw new InvalidRequestException(parameter, "the range ends before it starts");
    }
    return new MatchKey(attribute, Kind.RANGE, List.of(v), Optional.empty(), low, high);
  }

  private static BigDecimal number(String v, String parameter) {
    try {
      return new BigDecimal(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(parameter, "not a number");
    }
  }

  /** PS3.4 C.2.2.2.4: '*' any run of characters (also none), '?' exactly one. */
  private static Pattern wildcard(String value, boolean personName) {
    String text = personName ? normaliseName(value) : value;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static Pattern anyOf(List<MatchKey> parts) {
    List<String> alternatives = new ArrayList<>();
    for (MatchKey part : parts) {
      alternatives.add(part.pattern.map(Pattern::pattern).orElseGet(() -> Pattern.quote(part.values.get(0))));
    }
    return Pattern.compile("(?:" + String.join(")|(?:", alternatives) + ")", Pattern.DOTALL);
  }

  private static String normaliseName(String name) {
    return PatientIdentity.normaliseName(name).toUpperCase(Locale.ROOT);
  }

  AttributeKey attribute() {
    return attribute;
  }

  Kind kind() {
    return kind;
  }

  boolean isUniversal() {
    return kind == Kind.UNIVERSAL;
  }

  /** For a single value or list key without wild cards: the values it matches exactly. */
  List<String> exactValues() {
    return kind == Kind.SINGLE || kind == Kind.LIST && pattern.isEmpty() ? values : List.of();
  }

  /** For a range key: its bounds, normalised as {@link Temporal} does (DA: YYYYMMDD). */
  String lowerBound() {
    return lower;
  }

  String upperBound() {
    return upper;
  }

  /** Whether any of an attribute's values matches; an attribute without values matches only universally. */
  boolean matches(List<String> candidates) {
    if (kind == Kind.UNIVERSAL) {
      return true;
    }
    for (String candidate : candidates) {
      if (matchesOne(candidate.strip())) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesOne(String candidate) {
    Vr vr = attribute.vr();
    switch (kind) {
      case RANGE -> {
        if (candidate.isEmpty()) {
          return false;
        }
        String value = Temporal.value(vr, candidate);
        return value.compareTo(lower) >= 0 && value.compareTo(upper) <= 0;
      }
      case LIST -> {
        return pattern.map(p -> p.matcher(candidate).matches()).orElseGet(() -> values.contains(candidate));
      }
      case WILDCARD -> {
        Pattern p = pattern.orElseThrow();
        if (vr != Vr.PN) {
          return p.matcher(candidate).matches();
        }
        for (String form : nameForms(candidate)) {
          if (p.matcher(form).matches()) {
            return true;
          }
        }
        return false;
      }
      case SINGLE -> {
        String wanted = values.get(0);
        if (vr == Vr.PN) {
          return nameForms(candidate).contains(normaliseName(wanted));
        }
        if (NUMBER_VRS.contains(vr)) {
          try {
            return new BigDecimal(candidate).compareTo(new BigDecimal(wanted)) == 0;
          } catch (NumberFormatException e) {
            return false;
          }
        }
        return candidate.equals(wanted);
      }
      default -> {
        return true;
      }
    }
  }

  /** The normalised whole name and each of its component groups (PS3.5 6.2: '=' separates them). */
  private static List<String> nameForms(String name) {
    List<String> forms = new ArrayList<>();
    forms.add(normaliseName(name));
    if (name.indexOf('=') >= 0) {
      for (String group : name.split("=")) {
        forms.add(normaliseName(group));
      }
    }
    return forms;
  }

  @Override
  public String toString() {
    return "MatchKey[" + attribute + ", " + kind + "]";
  }
}
