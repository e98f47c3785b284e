/**
 * Interoperability tests: our codec against other DICOM toolkits run as real processes (dcmtk),
 * over the shared corpus. Test helpers only; nothing here is used by main code.
 */
package org.custos.dicom.interop;
