package org.custos.dicom.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.custos.dicom.Tag;
import org.custos.dicom.Vr;

/**
 * Random DICOM JSON in the canonical form {@link DicomJsonWriter} produces (ascending tags, "vr"
 * first, no single null value, numbers as the writer spells them), so that reading and writing
 * it back must give the same text. Bulk values longer than {@link #URI_THRESHOLD_BYTES} are
 * written as {@link JsonFixtures.HexUris} BulkDataURIs.
 */
final class GeneratedJson {
  static final int URI_THRESHOLD_BYTES = 8;
  private static final String ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789^-._";
  private static final String UNICODE = ASCII + "éßЖж山田太郎やまだ";
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  /** A member value: InlineBinary or BulkDataURI bytes, or the entries of Value. */
  record Element(Vr vr, List<Object> values, byte[] bulk) {}

  /** A PN value of three groups, "" for a missing one. */
  record PersonName(String alphabetic, String ideographic, String phonetic) {}

  /** A number literal written as is. */
  record Literal(String text) {}

  /** A data set: elements by tag, ascending. */
  record DataSetJson(TreeMap<Integer, Element> elements) {}

  private GeneratedJson() {}

  static Arbitrary<DataSetJson> dataSets() {
    return Arbitraries.of(true, false).flatMap(utf8 -> dataSet(2, utf8).map(ds -> {
      if (utf8) {
        ds.elements().put(Tag.SPECIFIC_CHARACTER_SET, new Element(Vr.CS, List.of("ISO_IR 192"), null));
      }
      return ds;
    }));
  }

  private static Arbitrary<DataSetJson> dataSet(int depth, boolean utf8) {
    Arbitrary<Integer> tags = Arbitraries.integers().between(0x00080010, 0x7FE0FFFF);
    return Arbitraries.maps(tags, element(depth, utf8)).ofMaxSize(depth == 2 ? 10 : 4)
        .map(map -> new DataSetJson(new TreeMap<>(map)));
  }

  private static Arbitrary<Element> element(int depth, boolean utf8) {
    return Arbitraries.of(Vr.values()).flatMap(vr -> Arbitraries.integers().between(0, 9).flatMap(roll -> {
      if (roll == 0 || (vr == Vr.SQ && depth == 0)) {
        return Arbitraries.just(new Element(vr, List.of(), null));
      }
      if (vr.isBulk()) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(20).map(b -> new Element(vr, null, b));
      }
      if (vr == Vr.SQ) {
        return dataSet(depth - 1, utf8).list().ofMinSize(1).ofMaxSize(2)
            .map(items -> new Element(vr, new ArrayList<>(items), null));
      }
      int max = TextJson.isMultiValued(vr) ? 3 : 1;
      return entry(vr, utf8).list().ofMinSize(1).ofMaxSize(max)
          .filter(list -> list.size() > 1 || list.get(0) != null)
          .map(list -> new Element(vr, list, null));
    }));
  }

  private static Arbitrary<Object> entry(Vr vr, boolean utf8) {
    Arbitrary<Object> value = switch (vr) {
      case PN -> Combinators.combine(group(utf8), group(utf8), group(utf8)).as(PersonName::new)
          .filter(pn -> !(pn.alphabetic() + pn.ideographic() + pn.phonetic()).isEmpty()).map(o -> o);
      case IS -> Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25))
          .map(i -> new Literal(i.toString()));
      case DS -> decimal().map(Literal::new);
      case US -> integer(BigInteger.ZERO, BigInteger.valueOf(0xFFFF));
      case SS -> integer(BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
      case UL -> integer(BigInteger.ZERO, BigInteger.valueOf(0xFFFFFFFFL));
      case SL -> integer(BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
      case SV -> integer(BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
      case UV -> integer(BigInteger.ZERO, TWO_64.subtract(BigInteger.ONE));
      case FL -> Arbitraries.floats().withSpecialValue(Float.NaN).withSpecialValue(Float.NEGATIVE_INFINITY)
          .withSpecialValue(-0.0f).withSpecialValue(Float.MIN_VALUE).map(f -> f);
      case FD -> Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
          .withSpecialValue(Double.MAX_VALUE).map(d -> d);
      case AT -> Arbitraries.integers().map(Tag::toHex);
      default -> text(vr, utf8);
    };
    boolean nullable = vr.isText();
    return nullable ? Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)), Tuple.of(5, value)) : value;
  }

  private static Arbitrary<Object> integer(BigInteger min, BigInteger max) {
    return Arbitraries.bigIntegers().between(min, max).map(i -> new Literal(i.toString()));
  }

  private static Arbitrary<String> decimal() {
    Arbitrary<String> sign = Arbitraries.of("", "-");
    Arbitrary<String> whole = Arbitraries.oneOf(Arbitraries.just("0"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8).filter(s -> s.charAt(0) != '0'));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8).map(s -> "." + s));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3)).as((e, s, d) -> e + s + d));
    return Combinators.combine(sign, whole, fraction, exponent).as((s, w, f, e) -> s + w + f + e)
        .filter(text -> text.length() <= NumberText.DS_MAX_CHARS);
  }

  private static Arbitrary<String> group(boolean utf8) {
    return Arbitraries.oneOf(Arbitraries.just(""), words(utf8 ? UNICODE : ASCII));
  }

  private static Arbitrary<Object> text(Vr vr, boolean utf8) {
    return words(utf8 && vr.isCharacterSetSensitive() ? UNICODE : ASCII).map(s -> s);
  }

  private static Arbitrary<String> words(String chars) {
    return Arbitraries.strings().withChars(chars.toCharArray()).ofMinLength(1).ofMaxLength(6)
        .list().ofMinSize(1).ofMaxSize(3).map(words -> String.join(" ", words));
  }

  /** The JSON text, compact, as jackson-core writes it. */
  static String render(DataSetJson ds) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      render(ds, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void render(DataSetJson ds, JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (Map.Entry<Integer, Element> entry : ds.elements().entrySet()) {
      Element e = entry.getValue();
      g.writeObjectFieldStart(Tag.toHex(entry.getKey()));
      g.writeStringField("vr", e.vr().name());
      if (e.bulk() != null && e.bulk().length > URI_THRESHOLD_BYTES) {
        g.writeStringField("BulkDataURI", JsonFixtures.HexUris.PREFIX + HexFormat.of().formatHex(e.bulk()));
      } else if (e.bulk() != null) {
        g.writeFieldName("InlineBinary");
        g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, e.bulk(), 0, e.bulk().length);
      } else if (!e.values().isEmpty()) {
        g.writeArrayFieldStart("Value");
        for (Object value : e.values()) {
          renderEntry(value, g);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void renderEntry(Object value, JsonGenerator g) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Literal literal) {
      g.writeNumber(literal.text());
    } else if (value instanceof Float f) {
      if (Float.isFinite(f)) {
        g.writeNumber(f);
      } else {
        g.writeString(f.isNaN() ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
      }
    } else if (value instanceof Double d) {
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeString(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
      }
    } else if (value instanceof PersonName pn) {
      g.writeStartObject();
      String[] groups = {pn.alphabetic(), pn.ideographic(), pn.phonetic()};
      for (int i = 0; i < groups.length; i++) {
        if (!groups[i].isEmpty()) {
          g.writeStringField(JsonModel.PN_GROUPS[i], groups[i]);
        }
      }
      g.writeEndObject();
    } else if (value instanceof DataSetJson item) {
      render(item, g);
    } else {
      g.writeString((String) value);
    }
  }
}
