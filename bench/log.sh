#!/usr/bin/env bash
# Issue 4's transparency-log benchmark (section 6) on the embedded SQLite index: raw tree appends
# and full LogAppender entry appends in batches of 1, 100 and 1000 (next to a plain SQLite insert
# and the in-memory tree), a synthetic log of 10,000,000 leaves with the latency of 10,000
# inclusion and 10,000 consistency proofs (each verified), and the bytes per leaf. About 15
# minutes on 2 cores; needs ~2 GB of disk under bench/target/log.
# Usage: bench/log.sh [leaves] [proofs] [secondsPerRate]   (defaults 10000000 10000 8)
#        SKIP_BUILD=1 reuses the jar; MVN_FLAGS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${CUSTOS_BENCH_WORK:-$(pwd)/bench/target/log}
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -q -B ${MVN_FLAGS:-} package -pl bench -am -Dmaven.test.skip=true -Dcustos.fuzz.skip=true
fi
mkdir -p "$WORK"
echo "machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)),"\
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1),"\
  "$(df -PT "$WORK" | awk 'NR == 2 {print $2}') under $WORK, git $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
java -Xmx1g -cp bench/target/benchmarks.jar org.custos.bench.log.LogBench "$WORK" "$@"
