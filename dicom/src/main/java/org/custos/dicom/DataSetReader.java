package org.custos.dicom;

import java.util.ArrayList;
import java.util.List;
import org.custos.dicom.charset.SpecificCharacterSet;
import org.custos.dicom.charset.UnknownCharacterSetException;

/**
 * Builds an immutable {@link DataSet} tree from the events of a {@link DicomStreamReader},
 * iteratively (an explicit stack, no recursion), keeping large bulk values in the source as
 * {@link BulkRef}s according to {@link ReadOptions#bulkThresholdBytes()}.
 */
final class DataSetReader {
  private final DicomStreamReader reader;
  private final ReadOptions options;
  private final boolean deflatedOffsets;

  /** An open item or top-level data set under construction. */
  private static final class OpenDataSet {
    final DataSet.Builder builder = DataSet.builder();
    SpecificCharacterSet charset;
  }

  /** An open sequence under construction. */
  private static final class OpenSequence {
    final int tag;
    final Vr vr;
    final boolean undefinedLength;
    final List<DataSet> items = new ArrayList<>();

    OpenSequence(int tag, Vr vr, boolean undefinedLength) {
      this.tag = tag;
      this.vr = vr;
      this.undefinedLength = undefinedLength;
    }
  }

  DataSetReader(DicomStreamReader reader, ReadOptions options, boolean deflatedOffsets) {
    this.reader = reader;
    this.options = options;
    this.deflatedOffsets = deflatedOffsets;
  }

  /** Reads to the end of the top-level data set. */
  DataSet read(SpecificCharacterSet initialCharset) {
    List<Object> stack = new ArrayList<>();
    OpenDataSet root = new OpenDataSet();
    root.charset = initialCharset;
    root.builder.inheritCharacterSet(initialCharset);
    stack.add(root);
    List<Value> fragments = null;
    Value basicOffsetTable = null;
    int fragmentsTag = 0;
    Vr fragmentsVr = null;
    while (true) {
      DicomStreamReader.Event event = reader.next();
      switch (event) {
        case ELEMENT -> {
          OpenDataSet ds = (OpenDataSet) stack.get(stack.size() - 1);
          DicomElement element = new DicomElement(reader.tag(), reader.vr(), leafValue());
          ds.builder.add(element);
          if (element.tag() == Tag.SPECIFIC_CHARACTER_SET) {
            ds.charset = checkedCharacterSet(ds);
          }
        }
        case SEQUENCE_START -> stack.add(new OpenSequence(reader.tag(), reader.vr(), reader.length() < 0));
        case ITEM_START -> {
          OpenDataSet parent = (OpenDataSet) stack.get(stack.size() - 2);
          OpenDataSet item = new OpenDataSet();
          item.charset = parent.charset;
          item.builder.inheritCharacterSet(parent.charset).undefinedLength(reader.length() < 0).offset(reader.valueOffset());
          stack.add(item);
        }
        case ITEM_END -> {
          OpenDataSet item = (OpenDataSet) stack.remove(stack.size() - 1);
          ((OpenSequence) stack.get(stack.size() - 1)).items.add(item.builder.build());
        }
        case SEQUENCE_END -> {
          OpenSequence seq = (OpenSequence) stack.remove(stack.size() - 1);
          ((OpenDataSet) stack.get(stack.size() - 1)).builder.add(
              seq.tag, seq.vr, new Value.Sequence(seq.items, seq.undefinedLength));
        }
        case FRAGMENTS_START -> {
          fragments = new ArrayList<>();
          basicOffsetTable = null;
          fragmentsTag = reader.tag();
          fragmentsVr = reader.vr();
        }
        case FRAGMENT -> {
          Value fragment = fragmentValue();
          if (basicOffsetTable == null) {
            basicOffsetTable = fragment;
          } else {
            fragments.add(fragment);
          }
        }
        case FRAGMENTS_END -> {
          if (basicOffsetTable == null) {
            throw new InvalidStructureException(reader.valueOffset(), fragmentsTag,
                "encapsulated pixel data without a Basic Offset Table item (PS3.5 A.4)");
          }
          ((OpenDataSet) stack.get(stack.size() - 1)).builder.add(
              fragmentsTag, fragmentsVr, new Value.Fragments(basicOffsetTable, fragments));
          fragments = null;
        }
        case END -> {
          if (stack.size() != 1) {
            throw new TruncatedInputException(reader.offset(), DicomParseException.NO_TAG,
                "input ended inside " + (stack.size() - 1) / 2 + " open sequence(s)");
          }
          return root.builder.offset(0).build();
        }
        default -> throw new IllegalStateException("unhandled event " + event);
      }
    }
  }

  /** The data set's new character set; an unknown term is a warning (an error in strict mode). */
  private SpecificCharacterSet checkedCharacterSet(OpenDataSet ds) {
    DataSet probe = DataSet.builder().inheritCharacterSet(ds.charset)
        .add(ds.builder.characterSetElement()).build();
    List<String> terms = probe.getStrings(Tag.SPECIFIC_CHARACTER_SET);
    try {
      SpecificCharacterSet.of(terms);
    } catch (UnknownCharacterSetException e) {
      reader.warn(reader.elementOffset(), Tag.SPECIFIC_CHARACTER_SET,
          "unknown Specific Character Set defined term; text decodes with the enclosing or default repertoire");
    }
    return probe.characterSet();
  }

  private Value leafValue() {
    Vr vr = reader.vr();
    long length = reader.length();
    boolean bulk = vr.isBulk() || reader.tag() == Tag.PIXEL_DATA;
    if (bulk && length > options.bulkThresholdBytes()) {
      return new Value.Bulk(new BulkRef(reader.valueOffset(), length, reader.valueBigEndian(), deflatedOffsets));
    }
    return Value.Bytes.wrap(reader.readValue());
  }

  private Value fragmentValue() {
    long length = reader.length();
    if (length > options.bulkThresholdBytes()) {
      return new Value.Bulk(new BulkRef(reader.valueOffset(), length, reader.valueBigEndian(), deflatedOffsets));
    }
    return Value.Bytes.wrap(reader.readValue());
  }
}
