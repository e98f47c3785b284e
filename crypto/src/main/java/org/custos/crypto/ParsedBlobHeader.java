package org.custos.crypto;

import java.util.Arrays;

/**
 * A header as read: the public summary, the exact header bytes (bound into the body's associated
 * data), how many leading bytes form the prefix bound into the data key's associated data, and
 * the wrapped data keyset. Internal; arrays are not copied.
 */
record ParsedBlobHeader(BlobHeader header, byte[] bytes, int prefixLength, byte[] wrappedDataKey) {
  byte[] prefix() {
    return Arrays.copyOf(bytes, prefixLength);
  }
}
