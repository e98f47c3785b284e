/**
 * DICOMweb (PS3.18) as transport-free logic that the HTTP routes call: what the services share —
 * resource paths and their resolution to stored instances (404), Accept header parsing and
 * media types (406), the URLs the responses carry, and the exception hierarchy with its one
 * mapping to HTTP status codes and JSON error bodies ({@link
 * org.custos.server.dicomweb.DicomWebErrors}). Sub-packages: {@code qido} (search), {@code wado}
 * (retrieve, metadata, bulk data, frames, WADO-URI), {@code render} (rendered images, thumbnails).
 *
 * <p>What must not live here: a web framework (Javalin wiring is the server's routes), SQL or
 * crypto (go through {@code org.custos.archive.query}), and logging of anything a response
 * carries. Every read of patient data is recorded ({@code Archive.recordRead}, or {@code
 * recordReads} for a search page) once per request and study before the first byte of data is
 * handed out.
 */
package org.custos.server.dicomweb;
