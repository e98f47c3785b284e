/**
 * QIDO-RS (PS3.18 10.6) over the encrypted index: {@link org.custos.server.dicomweb.qido.QidoService}
 * parses the query (matching keys by keyword or tag, includefield, limit, offset, fuzzymatching),
 * finds candidates through blind-index tokens and clear columns, opens what must be matched or
 * returned, and answers DICOM JSON. Matching follows PS3.4 C.2.2.2; docs/dicomweb.md lists what
 * each key costs and what is not supported.
 *
 * <p>What must not live here: HTTP, token computation and sealing (that is
 * {@code org.custos.archive.query}), and logging of query values or results, which are PHI.
 */
package org.custos.server.dicomweb.qido;
