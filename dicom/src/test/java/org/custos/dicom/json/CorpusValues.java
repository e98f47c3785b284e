package org.custos.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomElement;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * Element-by-element comparison of a data set with the one DICOM JSON gave back, allowing only
 * the changes the JSON model makes: IS/DS text compared as numbers, PN without trailing empty
 * groups, a value of padding only read as empty, a UN sequence come back as SQ, any NaN as NaN.
 */
final class CorpusValues {
  private CorpusValues() {}

  static void assertSameValues(DataSet expected, DataSet actual, String path) {
    assertThat(actual.elements()).as(path + " element tags")
        .extracting(DicomElement::tag).containsExactlyInAnyOrderElementsOf(
            expected.elements().stream().map(DicomElement::tag).toList());
    for (DicomElement e : expected.elements()) {
      DicomElement a = actual.get(e.tag()).orElseThrow();
      String where = path + Tag.toHex(e.tag());
      if (e.value() instanceof Value.Sequence seq) {
        assertThat(a.vr()).as(where).isEqualTo(Vr.SQ);
        List<DataSet> items = ((Value.Sequence) a.value()).items();
        assertThat(items).as(where + " items").hasSameSizeAs(seq.items());
        for (int i = 0; i < items.size(); i++) {
          assertSameValues(seq.items().get(i), items.get(i), where + "/" + i + "/");
        }
        continue;
      }
      assertThat(a.vr()).as(where).isEqualTo(e.vr());
      if (e.vr().isText() && e.value() instanceof Value.Bytes) {
        assertThat(normalized(actual.getStrings(a.tag()), a.vr())).as(where)
            .isEqualTo(normalized(expected.getStrings(e.tag()), e.vr()));
      } else if (e.vr() == Vr.FL || e.vr() == Vr.FD) {
        assertThat(floats(a)).as(where).isEqualTo(floats(e));
      } else {
        assertThat(a.value()).as(where).isEqualTo(e.value());
      }
    }
  }

  private static List<String> normalized(List<String> values, Vr vr) {
    if (values.size() == 1 && values.get(0).isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(switch (vr) {
        case PN -> v.replaceAll("=+$", "");
        case IS, DS -> number(v);
        default -> v;
      });
    }
    return out;
  }

  private static String number(String v) {
    try {
      BigDecimal n = new BigDecimal(v.trim());
      return n.signum() == 0 ? "0" : n.stripTrailingZeros().toString();
    } catch (NumberFormatException notANumber) {
      return v;
    }
  }

  /** Values as text, so that every NaN compares equal and -0.0 differs from 0.0. */
  private static List<String> floats(DicomElement e) {
    byte[] b = ((Value.Bytes) e.value()).bytes();
    List<String> out = new ArrayList<>();
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    while (buffer.remaining() >= e.vr().bytesPerValue()) {
      out.add(e.vr() == Vr.FL ? Float.toString(buffer.getFloat()) : Double.toString(buffer.getDouble()));
    }
    return out;
  }
}
