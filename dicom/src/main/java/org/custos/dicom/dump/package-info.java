/**
 * Human-readable renderings of data sets (the {@code custos dicom dump} tree). For people at a
 * terminal: it prints element values, so it must never be used for logs (values may be PHI).
 */
package org.custos.dicom.dump;
