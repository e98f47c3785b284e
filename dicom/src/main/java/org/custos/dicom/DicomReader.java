package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry points for reading DICOM: PS3.10 files (preamble, "DICM", explicit VR LE group 0002),
 * files without a preamble or without file meta (transfer syntax detected from the first
 * element header, as toolkits do for legacy files), and bare data sets of a given syntax.
 *
 * <p>All methods fail with a {@link DicomParseException} subtype on malformed input, or a
 * {@link DicomIoException} when the source cannot be read. Thread-safe (no shared state).
 */
public final class DicomReader {
  private static final int DICM = 0x4D434944; // "DICM" read little endian

  private DicomReader() {}

  /** Reads a file; bulk values above the threshold stay in the file as {@link BulkRef}s. */
  public static DicomFile read(Path path, ReadOptions options) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, Files.size(path), options);
    } catch (IOException e) {
      // No file name here: names of exported files often hold patient names (the CLI adds the path).
      throw new DicomIoException("cannot read the DICOM file", e);
    }
  }

  /** Reads a stream of unknown length. */
  public static DicomFile read(InputStream in, ReadOptions options) {
    return read(in, -1, options);
  }

  /**
   * Reads a stream of known length, so that lengths past the end are reported at once and values
   * can be allocated in one piece. {@code sourceLength} must be the true length (a file size, a
   * length already received), never a length an untrusted sender declared.
   */
  public static DicomFile read(InputStream in, long sourceLength, ReadOptions options) {
    DicomStream stream = open(in, sourceLength, options);
    DataSet dataSet = new DataSetReader(stream.reader(), options, stream.transferSyntax().deflated()).read(null);
    return new DicomFile(stream.fileMeta(), dataSet, stream.transferSyntax(), stream.dataSetOffset(),
        stream.reader().warnings());
  }

  /** Reads a bare data set (no preamble, no file meta) in the given transfer syntax. */
  public static DataSet readDataSet(InputStream in, TransferSyntax syntax, ReadOptions options) {
    DicomStreamReader reader = DicomStreamReader.of(in, syntax, options);
    return new DataSetReader(reader, options, syntax.deflated()).read(null);
  }

  /** Opens an input for streaming: reads the file meta, returns a reader at the data set. */
  public static DicomStream open(InputStream in, long sourceLength, ReadOptions options) {
    DicomInput input = new DicomInput(in, 0, sourceLength);
    if (input.atEnd()) {
      throw new TruncatedInputException(0, DicomParseException.NO_TAG, "input is empty");
    }
    Optional<Preamble> preamble = Optional.empty();
    boolean hasDicm = false;
    if (input.available(132) >= 132 && peekInt(input, 128) == DICM) {
      byte[] bytes = new byte[Preamble.LENGTH];
      input.readFully(bytes, 0, bytes.length, DicomParseException.NO_TAG);
      input.skip(4, DicomParseException.NO_TAG);
      preamble = Optional.of(Preamble.of(bytes));
      hasDicm = true;
    } else if (input.available(4) >= 4 && peekInt(input, 0) == DICM) {
      input.skip(4, DicomParseException.NO_TAG);
      hasDicm = true;
    }
    if (hasDicm || looksLikeFileMeta(input)) {
      return openAfterPrefix(input, preamble, sourceLength, options);
    }
    TransferSyntax guessed = guessBareSyntax(input);
    DicomStreamReader reader = new DicomStreamReader(input, guessed, options, sourceLength);
    reader.warn(0, DicomParseException.NO_TAG, "no PS3.10 file meta information; transfer syntax detected as " + guessed.uid());
    return new DicomStream(Optional.empty(), guessed, 0, reader);
  }

  private static DicomStream openAfterPrefix(DicomInput input, Optional<Preamble> preamble, long sourceLength,
      ReadOptions options) {
    long metaStart = input.offset();
    if (peekU16(input, 0) != 0x0002) {
      throw new InvalidFileMetaException(metaStart, DicomParseException.NO_TAG,
          "'DICM' prefix is not followed by a group 0002 element");
    }
    long metaEnd = -1;
    if (peekU16(input, 2) == 0x0000) {
      metaEnd = readGroupLength(input, metaStart);
      if (sourceLength >= 0 && metaEnd > sourceLength) {
        throw new InvalidFileMetaException(metaStart, Tag.FILE_META_GROUP_LENGTH,
            "file meta group length " + (metaEnd - metaStart - 12) + " runs past the end of the input");
      }
    }
    DicomStreamReader metaReader = new DicomStreamReader(input, TransferSyntax.FILE_META,
        options.withAllValuesInMemory().withMaxDepth(Math.max(options.maxDepth(), 1)), metaEnd >= 0 ? metaEnd : sourceLength, metaEnd, metaEnd < 0);
    DataSet meta;
    List<ParseWarning> metaWarnings = new ArrayList<>();
    try {
      meta = new DataSetReader(metaReader, options.withAllValuesInMemory(), false).read(null);
    } catch (InvalidLengthException e) {
      throw new InvalidFileMetaException(e.offset(), e.tag(),
          "file meta element does not fit the group length: " + e.reason(), e);
    }
    metaWarnings.addAll(metaReader.warnings());
    DataSet metaWithLength = prependGroupLength(meta, metaEnd, metaStart);
    if (metaEnd >= 0 && input.offset() == metaEnd && peekU16(input, 0) == 0x0002 && !input.atEnd()) {
      throw new InvalidFileMetaException(metaEnd, Tag.FILE_META_GROUP_LENGTH,
          "file meta group length ends at byte " + metaEnd + " but group 0002 continues");
    }
    for (DicomElement e : meta.elements()) {
      if (Tag.group(e.tag()) != 0x0002) {
        throw new InvalidFileMetaException(metaStart, e.tag(), "element outside group 0002 inside the file meta group length");
      }
    }
    String tsUid = metaWithLength.getString(Tag.TRANSFER_SYNTAX_UID).orElseThrow(() ->
        new InvalidFileMetaException(input.offset(), Tag.TRANSFER_SYNTAX_UID, "file meta has no Transfer Syntax UID"));
    TransferSyntax syntax = TransferSyntax.of(tsUid).orElseThrow(() ->
        new InvalidFileMetaException(input.offset(), Tag.TRANSFER_SYNTAX_UID, "unsupported transfer syntax "
            + (tsUid.matches("[0-9.]{1,64}") ? tsUid : "(the value is not a UID)")));
    long dataSetOffset = input.offset();
    long dataSetLength = sourceLength;
    if (syntax.deflated()) {
      input.switchTo(Deflation::inflating);
      dataSetLength = -1;
    }
    DicomStreamReader reader = new DicomStreamReader(input, syntax, options, dataSetLength);
    if (syntax.deflated()) {
      reader.countingInflatedBytesFrom(dataSetOffset);
    }
    if (metaEnd < 0) {
      reader.warn(metaStart, Tag.FILE_META_GROUP_LENGTH, "file meta has no group length (0002,0000)");
    }
    for (ParseWarning w : metaWarnings) {
      reader.warn(w.offset(), w.tag(), w.message());
    }
    return new DicomStream(Optional.of(new FileMeta(preamble, metaWithLength, syntax)), syntax, dataSetOffset, reader);
  }

  /** Reads (0002,0000) UL and returns the offset where the group ends. */
  private static long readGroupLength(DicomInput input, long metaStart) {
    input.tag(false);
    int vr = input.u16(true, Tag.FILE_META_GROUP_LENGTH);
    int len = input.u16(false, Tag.FILE_META_GROUP_LENGTH);
    if (vr != Vr.UL.code() || len != 4) {
      throw new InvalidFileMetaException(metaStart, Tag.FILE_META_GROUP_LENGTH,
          "file meta group length must be explicit VR UL of length 4");
    }
    long groupLength = input.i32(false, Tag.FILE_META_GROUP_LENGTH) & 0xFFFFFFFFL;
    return input.offset() + groupLength;
  }

  private static DataSet prependGroupLength(DataSet meta, long metaEnd, long metaStart) {
    if (metaEnd < 0) {
      return meta;
    }
    long groupLength = metaEnd - metaStart - 12;
    byte[] value = {(byte) groupLength, (byte) (groupLength >>> 8), (byte) (groupLength >>> 16), (byte) (groupLength >>> 24)};
    return meta.toBuilder().put(new DicomElement(Tag.FILE_META_GROUP_LENGTH, Vr.UL, Value.Bytes.wrap(value))).build();
  }

  private static boolean looksLikeFileMeta(DicomInput input) {
    return input.available(8) >= 8 && peekU16(input, 0) == 0x0002
        && Vr.byCodeOrNull(input.peekByte(4) << 8 | input.peekByte(5)) != null;
  }

  /**
   * Detects the syntax of a data set without file meta from its first element header: group
   * byte order (little or big endian) and whether bytes 4-5 are a VR code.
   */
  private static TransferSyntax guessBareSyntax(DicomInput input) {
    if (input.available(8) < 8) {
      throw new InvalidFileMetaException(0, DicomParseException.NO_TAG,
          "not DICOM: no 'DICM' at byte 128 and fewer than 8 bytes of data set");
    }
    int groupLe = peekU16(input, 0);
    int groupBe = input.peekByte(0) << 8 | input.peekByte(1);
    boolean explicit = Vr.byCodeOrNull(input.peekByte(4) << 8 | input.peekByte(5)) != null;
    if (plausibleFirstGroup(groupLe)) {
      return explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }
    if (plausibleFirstGroup(groupBe) && explicit) {
      return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
    }
    throw new InvalidFileMetaException(0, DicomParseException.NO_TAG,
        "not DICOM: no 'DICM' at byte 128 and the first bytes are not a data element header");
  }

  /** A data set without meta starts with a low, even group (0008 in practice). */
  private static boolean plausibleFirstGroup(int group) {
    return group != 0 && group <= 0x0010 && (group & 1) == 0;
  }

  private static int peekU16(DicomInput input, int at) {
    return input.peekByte(at) | input.peekByte(at + 1) << 8;
  }

  private static int peekInt(DicomInput input, int at) {
    return input.peekByte(at) | input.peekByte(at + 1) << 8 | input.peekByte(at + 2) << 16 | input.peekByte(at + 3) << 24;
  }
}
