/**
 * Adapters of the archive's blob store port ({@link org.custos.archive.blob.BlobStore}): the file
 * system store in {@code fs} (the default) and the S3 store in {@code s3}. Both pass one contract
 * test ({@code BlobStoreContract} in the test sources).
 *
 * <p>What must not live here: encryption (blobs arrive sealed), knowledge of DICOM, and anything
 * that names a blob by a patient, study or UID. Paths, object keys, log lines and exception
 * messages carry random blob ids only.
 */
package org.custos.storage.blob;
