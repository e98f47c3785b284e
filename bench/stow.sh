#!/usr/bin/env bash
# STOW-RS ingest rate of the packaged server (HTTPS with its self-signed certificate, an API key):
# 1 and 4 concurrent clients, 1 and 10 instances per request, each run on fresh instances made
# from one template (default: the corpus's small CT). Orthanc-free: issue 5's comparison adds
# Orthanc on the same machine. A few minutes on 2 cores; the instance folder is thrown away.
# Usage: bench/stow.sh [instancesPerRun] [template]   (SKIP_BUILD=1 to reuse the jars)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${CUSTOS_CORPUS:-$ROOT/../shared/dicom-corpus}
WORK=${CUSTOS_BENCH_WORK:-$ROOT/bench/target/stow}
COUNT=${1:-2000}
TEMPLATE=${2:-$CORPUS/valid/pydicom/CT_small.dcm}
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -o -q -B package -pl server,bench -am -Dmaven.test.skip=true
fi
mkdir -p "$WORK"
java -Xmx2g -cp bench/target/benchmarks.jar org.custos.bench.stow.StowBench server/target/custos.jar "$WORK" "$TEMPLATE" "$COUNT"
