/**
 * The archive benchmark harness (issue 3): ingest and retrieve throughput on the embedded
 * default (SQLite + files + keyring), the machine's raw AES-256-GCM, SHA-256 and file-copy
 * throughput measured in the same run, and the ingest rate into an index pre-filled with a
 * million instances. Run by bench/archive.sh; figures go to docs/benchmarks.md.
 */
package org.custos.bench.archive;
