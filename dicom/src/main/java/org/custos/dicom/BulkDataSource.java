package org.custos.dicom;

import java.io.IOException;
import java.io.InputStream;

/** Opens the bytes a {@link BulkRef} points at, in the byte order of the source. */
@FunctionalInterface
public interface BulkDataSource {
  /** A source for data sets whose values are all in memory: any bulk reference is an error. */
  BulkDataSource NONE = ref -> {
    throw new IOException("no bulk data source: value at offset " + ref.offset() + " was not loaded");
  };

  InputStream open(BulkRef ref) throws IOException;
}
