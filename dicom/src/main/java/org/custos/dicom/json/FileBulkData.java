package org.custos.dicom.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.custos.dicom.BulkDataSource;
import org.custos.dicom.BulkRef;
import org.custos.dicom.DicomFile;
import org.custos.dicom.FileBulkDataSource;
import org.custos.dicom.Value;
import org.custos.dicom.Vr;

/**
 * Bulk data of one DICOM file, for a data set read from it with values left in the file
 * ({@link BulkRef}s): BulkDataURIs that point into the file, a {@link BulkDataSource} that reads
 * them, and a {@link BulkDataResolver} that turns the URIs back into references.
 *
 * <p>The URI of a value is {@code file:///abs/path?offset=N&length=M}, the bytes of the value as
 * they are in the file, with {@code &bigEndian=true} when the file is Explicit VR Big Endian (the
 * bytes are then big endian, unlike InlineBinary). For encapsulated Pixel Data it is the whole
 * Value Field, items and delimiter included, flagged {@code &encapsulated=true}. In a deflated
 * file (PS3.5 A.5) offsets count bytes of the inflated data set, which starts deflated at
 * {@link DicomFile#dataSetOffset()}, flagged {@code &deflated=true}: such a URI is not a plain
 * byte range of the file, and a reader must inflate to follow it.
 *
 * <p>The resolver accepts only URIs of this very file: JSON is input, and resolving any
 * {@code file:} URI would let it read any file. Immutable and thread-safe; every read opens the
 * file anew.
 */
public final class FileBulkData {
  private final Path file;
  private final URI fileUri;
  private final long deflatedFrom;

  private FileBulkData(Path file, long deflatedFrom) {
    this.file = file;
    this.fileUri = file.toUri();
    this.deflatedFrom = deflatedFrom;
  }

  /** Bulk data of {@code file}, which {@code parsed} was read from. */
  public static FileBulkData of(Path file, DicomFile parsed) {
    return new FileBulkData(file.toAbsolutePath().normalize(),
        parsed.transferSyntax().deflated() ? parsed.dataSetOffset() : -1);
  }

  /** The file, absolute. */
  public Path file() {
    return file;
  }

  /** URIs for values left in the file and for encapsulated Pixel Data with a known position. */
  public BulkDataUris uris() {
    return this::uriFor;
  }

  /** Reads a reference into this file, in the file's byte order. */
  public BulkDataSource source() {
    return ref -> open(ref.offset(), ref.length(), ref.inDeflatedStream());
  }

  /** Resolves the URIs of {@link #uris()} to {@link Value.Bulk} or {@link Value.Fragments} references. */
  public BulkDataResolver resolver() {
    return this::resolve;
  }

  private Optional<String> uriFor(BulkSite site) {
    Optional<FileRange> range = Optional.empty();
    if (site.value() instanceof Value.Bulk bulk) {
      BulkRef ref = bulk.ref();
      range = Optional.of(new FileRange(ref.offset(), ref.length(), ref.bigEndian(), ref.inDeflatedStream(), false));
    } else if (site.value() instanceof Value.Fragments fragments) {
      range = EncapsulatedRange.of(fragments);
    }
    return range.map(r -> r.format(fileUri.toString()));
  }

  private Value resolve(String uri, int tag, Vr vr) throws IOException {
    FileRange range = FileRange.parse(uri, fileUri);
    if (range.deflated() != deflatedFrom >= 0) {
      throw new IOException("BulkDataURI deflated flag does not match the file's transfer syntax");
    }
    if (range.encapsulated()) {
      try (InputStream in = open(range.offset(), range.length(), range.deflated())) {
        return EncapsulatedRange.read(in, range);
      }
    }
    if (!range.deflated() && range.offset() + range.length() > Files.size(file)) {
      throw new IOException("BulkDataURI range runs past the end of the file");
    }
    return new Value.Bulk(new BulkRef(range.offset(), range.length(), range.bigEndian(), range.deflated()));
  }

  private InputStream open(long offset, long length, boolean deflated) throws IOException {
    if (deflated && deflatedFrom < 0) {
      throw new IOException("reference into a deflated data set, but the file is not deflated");
    }
    return new FileBulkDataSource(file, Math.max(deflatedFrom, 0)).open(new BulkRef(offset, length, false, deflated));
  }
}
