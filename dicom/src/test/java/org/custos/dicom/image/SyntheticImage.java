package org.custos.dicom.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DataSet;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;
import org.custos.dicom.dictionary.Tags;

/** Builds small in-memory image data sets for unit tests. */
final class SyntheticImage {
  private int rows = 2;
  private int columns = 2;
  private int samplesPerPixel = 1;
  private int bitsAllocated = 16;
  private int bitsStored = 16;
  private int highBit = 15;
  private int pixelRepresentation;
  private String photometric = "MONOCHROME2";
  private Integer planarConfiguration;
  private String numberOfFrames;

  static SyntheticImage of(int rows, int columns) {
    SyntheticImage image = new SyntheticImage();
    image.rows = rows;
    image.columns = columns;
    return image;
  }

  SyntheticImage bits(int allocated, int stored, int high, boolean signed) {
    bitsAllocated = allocated;
    bitsStored = stored;
    highBit = high;
    pixelRepresentation = signed ? 1 : 0;
    return this;
  }

  SyntheticImage colour(String photometricTerm, int samples, int planar) {
    photometric = photometricTerm;
    samplesPerPixel = samples;
    planarConfiguration = planar;
    return this;
  }

  SyntheticImage photometric(String term) {
    photometric = term;
    return this;
  }

  SyntheticImage frames(int frames) {
    numberOfFrames = Integer.toString(frames);
    return this;
  }

  /** The image module without Pixel Data. */
  DataSet.Builder header() {
    DataSet.Builder b = DataSet.builder();
    b.add(Tags.SamplesPerPixel, Vr.US, us(samplesPerPixel));
    b.addText(Tags.PhotometricInterpretation, Vr.CS, photometric);
    if (planarConfiguration != null) {
      b.add(Tags.PlanarConfiguration, Vr.US, us(planarConfiguration));
    }
    if (numberOfFrames != null) {
      b.addText(Tags.NumberOfFrames, Vr.IS, numberOfFrames);
    }
    b.add(Tags.Rows, Vr.US, us(rows));
    b.add(Tags.Columns, Vr.US, us(columns));
    b.add(Tags.BitsAllocated, Vr.US, us(bitsAllocated));
    b.add(Tags.BitsStored, Vr.US, us(bitsStored));
    b.add(Tags.HighBit, Vr.US, us(highBit));
    b.add(Tags.PixelRepresentation, Vr.US, us(pixelRepresentation));
    return b;
  }

  DataSet withNative(byte[] pixelData) {
    return header().add(Tags.PixelData, bitsAllocated > 8 ? Vr.OW : Vr.OB, Value.Bytes.of(pixelData)).build();
  }

  DataSet withFragments(byte[] basicOffsetTable, List<byte[]> fragments) {
    return header().add(Tags.PixelData, Vr.OB, new Value.Fragments(Value.Bytes.of(basicOffsetTable),
        fragments.stream().map(f -> (Value) Value.Bytes.of(f)).toList())).build();
  }

  static Value.Bytes us(int value) {
    return Value.Bytes.of(new byte[] {(byte) value, (byte) (value >> 8)});
  }

  static byte[] le16(int... values) {
    byte[] out = new byte[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      out[2 * i] = (byte) values[i];
      out[2 * i + 1] = (byte) (values[i] >> 8);
    }
    return out;
  }

  static byte[] le32(long... values) {
    byte[] out = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      for (int k = 0; k < 4; k++) {
        out[4 * i + k] = (byte) (values[i] >> (8 * k));
      }
    }
    return out;
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  /** A bulk source over an in-memory "file", recording nothing; byte order as given. */
  static BulkDataSource memorySource(byte[] file) {
    return (BulkRef ref) -> {
      if (ref.offset() + ref.length() > file.length) {
        throw new IOException("range past the end");
      }
      return new ByteArrayInputStream(file, (int) ref.offset(), (int) ref.length());
    };
  }
}
