package org.custos.dicom;

import java.util.Optional;

/**
 * An opened DICOM input, positioned at the start of its data set: the file meta (if any) is
 * read; the data set is consumed event by event through {@link #reader()}.
 *
 * @param fileMeta the file meta information, empty for a bare data set
 * @param transferSyntax transfer syntax of the data set
 * @param dataSetOffset byte offset in the source where the data set (for deflated syntaxes: the
 *     deflated bytes) begins; offsets reported by the reader of a deflated data set count
 *     inflated bytes from there
 * @param reader the pull parser over the data set
 */
public record DicomStream(
    Optional<FileMeta> fileMeta, TransferSyntax transferSyntax, long dataSetOffset, DicomStreamReader reader) {}
