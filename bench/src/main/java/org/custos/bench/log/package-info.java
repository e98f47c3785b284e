/**
 * The transparency-log benchmark harness (issue 4, section 6): tree appends and full entry
 * appends on the embedded SQLite index in batches, next to the in-memory tree and a plain SQLite
 * insert measured in the same run; a large synthetic log and the latency of inclusion and
 * consistency proofs read from it, each proof verified against roots computed independently;
 * storage per leaf from SQLite's {@code dbstat}. Run by bench/log.sh; figures go to
 * docs/benchmarks.md. Nothing here is used by the archive.
 */
package org.custos.bench.log;
