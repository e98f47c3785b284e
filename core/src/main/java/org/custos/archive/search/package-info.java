/**
 * Search over the encrypted index: exact matches through blind-index tokens, then the candidate
 * rows' sealed attributes are opened for what tokens cannot answer (wildcards, date ranges on
 * several fields). Cost: one token lookup per criterion plus one AEAD open per candidate row.
 */
package org.custos.archive.search;
