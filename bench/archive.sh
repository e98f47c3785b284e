#!/usr/bin/env bash
# Issue 3's archive benchmark: raw AES-256-GCM / SHA-256 / file copy limits, ingest and retrieve
# throughput of small (corpus replicated to 10,000 instances with fresh UIDs) and large (16 x 64
# MiB) instances on the embedded default, and the ingest rate into an index pre-filled with
# 1,000,000 instances against an empty one. About 15 minutes on 2 cores; needs ~6 GB of disk.
# Usage: bench/archive.sh [smallCount] [largeCount] [prefillInstances]   (SKIP_BUILD=1 to reuse the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${CUSTOS_CORPUS:-$ROOT/../shared/dicom-corpus}
WORK=${CUSTOS_BENCH_WORK:-$ROOT/bench/target/archive}
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B package -pl bench -am -Dmaven.test.skip=true
fi
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
java -Xmx1g -cp bench/target/benchmarks.jar org.custos.bench.archive.ArchiveBench "$CORPUS" "$WORK" "$@"
java -Xmx1g -cp bench/target/benchmarks.jar org.custos.bench.archive.RotationBench "$WORK"
