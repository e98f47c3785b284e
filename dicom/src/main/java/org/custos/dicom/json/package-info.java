/**
 * The DICOM JSON Model of PS3.18 Annex F, in both directions, streamed with jackson-core
 * (no data binding, no intermediate JSON tree).
 *
 * <p>{@link org.custos.dicom.json.DicomJsonWriter} turns a {@link org.custos.dicom.DataSet} into
 * the JSON object of F.2; {@link org.custos.dicom.json.DicomJsonReader} turns such an object back
 * into a data set and rejects malformed input with a
 * {@link org.custos.dicom.json.DicomJsonException} that names the JSON line, column and tag, never
 * a value. Bulk values travel either inline (base64, F.2.7) or as a BulkDataURI (F.2.6); what a
 * URI means is decided outside this package through {@link org.custos.dicom.json.BulkDataUris}
 * and {@link org.custos.dicom.json.BulkDataResolver}, except for
 * {@link org.custos.dicom.json.FileBulkData}, which points into the file a data set was read from.
 *
 * <p>What must not live here: HTTP and DICOMweb routing (that is the server's {@code web}
 * adapter), jackson-databind, and anything that logs: the JSON carries element values, which may
 * be PHI.
 */
package org.custos.dicom.json;
