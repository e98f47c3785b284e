/**
 * The DICOM codec: PS3.5 data sets and PS3.10 files, read by a streaming pull parser
 * ({@link org.custos.dicom.DicomStreamReader}) into immutable {@link org.custos.dicom.DataSet}s,
 * written back by {@link org.custos.dicom.DicomWriter}.
 *
 * <p>Depends on the JDK only (the sub-packages add jackson-core for JSON and ImageIO plugins for
 * pixels). Nothing here knows of HTTP, SQL or command lines. Exceptions never carry element
 * values; bulk values (pixel data, large OB/OW/UN) stay in their source unless asked for.
 */
package org.custos.dicom;
