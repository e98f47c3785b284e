package org.custos.dicom.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.NumericValues;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/** Writes one bulk value as InlineBinary or BulkDataURI, by the rule of {@link JsonOptions}. */
final class BulkJsonWriter {
  private final JsonGenerator g;
  private final JsonOptions options;

  BulkJsonWriter(JsonGenerator g, JsonOptions options) {
    this.g = g;
    this.options = options;
  }

  void write(BulkSite site) throws IOException {
    long length = site.lengthBytes();
    if (length == 0) {
      return; // F.2.5: an empty element has only "vr"
    }
    boolean offer = site.value() instanceof Value.Fragments || length > options.bulkDataThresholdBytes();
    if (!site.vr().isBulk() && site.value() instanceof Value.Bulk) {
      offer = true; // a non-bulk VR left in the source can only be referenced
    }
    if (!options.inlineAll() && offer) {
      Optional<String> uri = options.uris().uriFor(site);
      if (uri.isPresent()) {
        g.writeStringField(JsonModel.BULK_DATA_URI, uri.get());
        return;
      }
    }
    if (!site.vr().isBulk() && site.value() instanceof Value.Bulk) {
      throw new BadValue("value of VR " + site.vr() + " is not in memory and has no BulkDataURI");
    }
    if (length > Integer.MAX_VALUE) {
      throw new BadValue("value of " + length + " bytes is too long for InlineBinary");
    }
    g.writeFieldName(JsonModel.INLINE_BINARY);
    if (site.value() instanceof Value.Bytes bytes) {
      byte[] b = bytes.bytes();
      g.writeBinary(JsonModel.BASE64, b, 0, b.length);
      return;
    }
    try (InputStream in = open(site)) {
      g.writeBinary(JsonModel.BASE64, in, (int) length);
    }
  }

  private InputStream open(BulkSite site) throws IOException {
    if (site.value() instanceof Value.Bulk bulk) {
      return open(bulk.ref(), site.vr());
    }
    return new FragmentStream(((Value.Fragments) site.value()).fragments().iterator(), site.vr());
  }

  /** The bytes of {@code ref}, little endian whatever the source's byte order (F.2.7). */
  private InputStream open(BulkRef ref, Vr vr) throws IOException {
    if (options.bulkSource() == BulkDataSource.NONE) {
      throw new BadValue("value is not in memory: give JsonOptions a bulkSource or a BulkDataUris");
    }
    InputStream in = options.bulkSource().open(ref);
    int unit = NumericValues.swapUnit(vr);
    return ref.bigEndian() && unit > 1 ? new SwappingInputStream(in, unit) : in;
  }

  /** The fragments one after another, each opened when the previous one ends. */
  private final class FragmentStream extends InputStream {
    private final Iterator<Value> fragments;
    private final Vr vr;
    private InputStream current = InputStream.nullInputStream();

    FragmentStream(Iterator<Value> fragments, Vr vr) {
      this.fragments = fragments;
      this.vr = vr;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        int n = current.read(b, off, len);
        if (n >= 0 || !fragments.hasNext()) {
          return n;
        }
        current.close();
        Value next = fragments.next();
        current = next instanceof Value.Bytes bytes
            ? new ByteArrayInputStream(bytes.bytes()) : open(((Value.Bulk) next).ref(), vr);
      }
    }

    @Override
    public void close() throws IOException {
      current.close();
    }
  }
}
