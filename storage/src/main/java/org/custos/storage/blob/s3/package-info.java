/**
 * The S3 blob store, on the AWS SDK for Java v2 with the Apache HTTP client: one object per blob
 * under a key prefix, written by multipart upload with one bounded part buffer per writer.
 *
 * <p>What lives here: {@link org.custos.storage.blob.s3.S3BlobStore}, its validated
 * {@link org.custos.storage.blob.s3.S3BlobStoreConfig} and
 * {@link org.custos.storage.blob.s3.S3Credentials} (which never prints its secret), and the
 * package-private writer, range-reading channel, listing and error mapping. What must not: SDK
 * types in public signatures, credentials in messages or {@code toString()}, and object keys
 * made of anything but the prefix and a random blob id.
 */
package org.custos.storage.blob.s3;
