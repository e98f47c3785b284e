package org.custos.dicom.json;

import org.custos.dicom.Vr;

/**
 * An element read from JSON, with where its member name was, for errors found when it is
 * encoded.
 */
record PendingElement(int tag, Vr vr, Pending content, Where where) {}
