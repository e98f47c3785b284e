/**
 * WADO-RS (PS3.18 10.4) and WADO-URI (PS3.18 9): retrieve of studies, series and instances as
 * {@code multipart/related; type="application/dicom"}, metadata answered from the sealed index
 * without reading blobs, bulk data, and frames as stored or decompressed. Whole instances are
 * read through the seal-checked stream; frames, bulk data and transcoding through the
 * authenticated random-access channel ({@code org.custos.archive.query.InstanceBytes}).
 *
 * <p>What must not live here: HTTP framework code, rendering (the {@code render} package), and
 * logging of anything a response carries.
 */
package org.custos.server.dicomweb.wado;
