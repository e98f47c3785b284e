/**
 * The blob store port: where encrypted instance blobs live. Implementations (file system, S3)
 * sit in the storage module and share one contract test. Blob ids are random, never derived from
 * PHI or UIDs.
 */
package org.custos.archive.blob;
