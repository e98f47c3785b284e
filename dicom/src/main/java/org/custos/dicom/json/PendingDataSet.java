package org.custos.dicom.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custos.dicom.DataSet;
import org.custos.dicom.DicomException;
import org.custos.dicom.Tag;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.charset.SpecificCharacterSet;

/** The elements of one JSON object, turned into a {@link DataSet} once all of them are known. */
final class PendingDataSet {
  private final List<PendingElement> elements = new ArrayList<>();

  void add(PendingElement element) {
    elements.add(element);
  }

  /**
   * Builds the data set: elements in ascending tag order (PS3.5 7.1), text encoded with this data
   * set's (0008,0005) or else {@code inherited} (PS3.5 6.1.2.4: items inherit), odd-length text
   * padded with the VR's padding byte (PS3.5 6.2). Sequences and items get undefined length, so
   * that they can be written without computing lengths first.
   */
  DataSet build(SpecificCharacterSet inherited, boolean item) {
    SpecificCharacterSet charset = inherited == null ? SpecificCharacterSet.DEFAULT : inherited;
    for (PendingElement e : elements) {
      if (e.tag() == Tag.SPECIFIC_CHARACTER_SET && e.content() instanceof Pending.Text text) {
        try {
          charset = SpecificCharacterSet.of(text.values());
        } catch (DicomException unknown) {
          throw DicomJsonException.reading(unknown.getMessage(), e.where(), e.tag(), unknown);
        }
      }
    }
    elements.sort((a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
    DataSet.Builder builder = DataSet.builder().inheritCharacterSet(inherited).undefinedLength(item);
    for (PendingElement e : elements) {
      builder.add(e.tag(), e.vr(), value(e, charset));
    }
    return builder.build();
  }

  private static Value value(PendingElement e, SpecificCharacterSet charset) {
    Pending content = e.content();
    if (content instanceof Pending.Items items) {
      List<DataSet> built = new ArrayList<>(items.items().size());
      for (PendingDataSet item : items.items()) {
        built.add(item.build(charset, true));
      }
      return new Value.Sequence(built, true);
    }
    if (content instanceof Pending.Text text) {
      return Value.Bytes.of(encode(e, String.join("\\", text.values()), charset));
    }
    Value ready = ((Pending.Ready) content).value();
    if (ready != null) {
      return ready;
    }
    return e.vr() == Vr.SQ ? new Value.Sequence(List.of(), true) : Value.Bytes.of(new byte[0]);
  }

  private static byte[] encode(PendingElement e, String text, SpecificCharacterSet charset) {
    byte[] bytes;
    try {
      bytes = charset.encode(text, e.vr());
    } catch (DicomException unencodable) {
      throw DicomJsonException.reading(unencodable.getMessage(), e.where(), e.tag(), unencodable);
    }
    if ((bytes.length & 1) == 0) {
      return bytes;
    }
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
    padded[bytes.length] = e.vr().paddingByte();
    return padded;
  }
}
