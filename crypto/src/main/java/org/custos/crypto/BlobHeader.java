package org.custos.crypto;

/**
 * The clear part of an encrypted blob (docs/formats/blob.md): format version, which patient key
 * and data-key wrap it needs, and how long the header is on disk.
 */
public record BlobHeader(int formatVersion, String patientKeyId, int headerLengthBytes) {}
