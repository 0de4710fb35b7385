#!/usr/bin/env bash
# scrapelint benchmark: run by hand (`make bench`), never in CI. Builds the release binary, makes
# a corpus of at least BENCH_MB megabytes from ../shared/corpus/docs (files, and one JSON Lines
# file), and measures in one run on this machine: scrapelint with 1 job and with all cores,
# JSON Lines input (a summary line a record, and every finding as JSON Lines), peak memory,
# start-up on one small file, per-rule cost, and the reference tools on the same text (typos and
# proselint from PyPI, rg -P -c with scrapelint's own patterns), each as a ratio to scrapelint's
# time (the corpus runs taken in turns, medians of three). Prints a table.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_MB=${BENCH_MB:-200}
PROSELINT_MB=${PROSELINT_MB:-1}   # proselint is far too slow for the whole corpus: a sample
WORK=${BENCH_DIR:-/tmp/scrapelint-bench}
CORES=$(nproc)

command -v hyperfine >/dev/null || { echo "installing hyperfine"; apt-get install -y -qq hyperfine >/dev/null; }
command -v rg >/dev/null || { echo "installing ripgrep"; apt-get install -y -qq ripgrep >/dev/null; }
command -v typos >/dev/null || python3 -m pip install -q typos
command -v proselint >/dev/null || python3 -m pip install -q proselint
swift build -c release >/dev/null
BIN=$PWD/.build/release/scrapelint

# The corpus: every .txt of the dev corpus (gold texts and extractor outputs), one article a
# file as a crawl stores them, copied again and again into folders until it holds BENCH_MB; the
# same articles as one JSON Lines file, one record each.
mkdir -p "$WORK"
if [ ! -f "$WORK/.made-files-$BENCH_MB" ]; then
  rm -rf "$WORK/files" "$WORK/corpus.jsonl" "$WORK/sample"
  python3 - "$WORK" "$BENCH_MB" "$PROSELINT_MB" <<'PY'
import glob, json, os, sys
work, target, sample_mb = sys.argv[1], int(sys.argv[2]) * 1_000_000, int(sys.argv[3]) * 1_000_000
paths = sorted(glob.glob("../shared/corpus/docs/*/*.txt"))
texts = [open(p, encoding="utf-8").read() for p in paths]
names = [p.split("/")[-2] + "-" + p.split("/")[-1] for p in paths]
os.makedirs(work + "/files"); os.makedirs(work + "/sample")
written, index, copy = 0, 0, 0
with open(work + "/corpus.jsonl", "w", encoding="utf-8") as corpus:
    while written < target:
        folder = f"{work}/files/copy{copy:03d}"
        os.makedirs(folder)
        for name, text in zip(names, texts):
            corpus.write(json.dumps({"id": index, "text": text}) + "\n")
            open(f"{folder}/{name}", "w", encoding="utf-8").write(text)
            index += 1
            written += len(text.encode())
            if written >= target: break
        copy += 1
sample = []
for text in texts * 10:
    if sum(len(t.encode()) for t in sample) >= sample_mb: break
    sample.append(text)
open(f"{work}/sample/sample.txt", "w", encoding="utf-8").write("\n\n".join(sample))
PY
  touch "$WORK/.made-files-$BENCH_MB"
fi
BYTES=$(find "$WORK/files" -type f -printf "%s\n" | awk "{ total += \$1 } END { print total }")
SAMPLE_BYTES=$(du -sb "$WORK/sample" | cut -f1)
"$BIN" rules list --patterns > "$WORK/patterns.txt"

run() {  # name, command[, runs]: mean seconds of 3 runs (or as many as asked)
  hyperfine -N -w "${3:-1}" -r "${3:-3}" -i --export-json "$WORK/$1.json" "$2" >/dev/null 2>&1
  python3 -c "import json;print(json.load(open('$WORK/$1.json'))['results'][0]['mean'])"
}
# The corpus runs, taken in turns (one run of each, three rounds) and reported as medians: the
# machine is shared, and a busy minute that fell on one tool's three runs in a row moved the
# typos ratio between 1.2x and 1.6x for the same code. In turns, a slow minute hits every tool.
interleaved() {  # rounds, then commands: prints each command's median seconds, one a line;
  # every round's times go to $WORK/rounds.json, for the spread printed under the table
  python3 - "$WORK/rounds.json" "$@" <<'PY'
import json, statistics, subprocess, sys, time
out, rounds, commands = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = [[] for _ in commands]
for _ in range(rounds):
    for index, command in enumerate(commands):
        started = time.perf_counter()
        subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[index].append(time.perf_counter() - started)
json.dump(times, open(out, "w"))
for series in times:
    print(statistics.median(series))
PY
}
echo "machine: $CORES cores; corpus $((BYTES / 1000000)) MB in $(find "$WORK/files" -type f | wc -l) files; proselint sample $((SAMPLE_BYTES / 1000000)) MB"
"$BIN" -q --jobs "$CORES" "$WORK/files" >/dev/null 2>&1 || true   # warm the page cache
typos --format brief "$WORK/files" >/dev/null 2>&1 || true
mapfile -t MEDIANS < <(interleaved 3 "$BIN -q --jobs 1 $WORK/files" "$BIN -q --jobs $CORES $WORK/files" \
  "$BIN -q --input jsonl --format summary --output /dev/null $WORK/corpus.jsonl" "typos --format brief $WORK/files" \
  "rg -P -c -f $WORK/patterns.txt $WORK/files" "$BIN -q --input jsonl --format jsonl --output /dev/null $WORK/corpus.jsonl")
T1=${MEDIANS[0]} TN=${MEDIANS[1]} TJ=${MEDIANS[2]} TT=${MEDIANS[3]} TR=${MEDIANS[4]} TF=${MEDIANS[5]}
# A 25 ms run on a shared machine varies by a few ms: 30 runs, not 3.
TS=$(run startup "$BIN -q Examples/blog-footer.md" 30)
TP=$(run proselint "proselint check $WORK/sample/sample.txt")
TPS=$(run proselint-scrapelint "$BIN -q --jobs 1 $WORK/sample/sample.txt")
MEM=$( { /usr/bin/time -v "$BIN" -q --input jsonl --format summary --output /dev/null "$WORK/corpus.jsonl" >/dev/null || true; } 2>&1 | awk '/Maximum resident/ {print $6}')
"$BIN" -q --jobs 1 --timings "$WORK/sample" 2> "$WORK/timings.txt" >/dev/null || true

python3 - "$BYTES" "$SAMPLE_BYTES" "$CORES" "$T1" "$TN" "$TJ" "$TT" "$TR" "$TS" "$TP" "$TPS" "$MEM" "$TF" <<'PY'
import sys
b, sb, cores, t1, tn, tj, tt, tr, ts, tp, tps, mem, tf = sys.argv[1:]
b, sb = int(b), int(sb)
t1, tn, tj, tt, tr, ts, tp, tps, tf = map(float, (t1, tn, tj, tt, tr, ts, tp, tps, tf))
mb = lambda t, n=b: n / 1e6 / t
print(f"| measure | time | MB/s | ratio |")
print(f"|---|---|---|---|")
print(f"| scrapelint, 1 job | {t1:.2f} s | {mb(t1):.1f} | 1.00 |")
print(f"| scrapelint, {cores} jobs | {tn:.2f} s | {mb(tn):.1f} | {t1/tn:.2f}x faster than 1 job |")
print(f"| scrapelint, JSON Lines in, a summary line a record, {cores} jobs | {tj:.2f} s | {mb(tj):.1f} | |")
print(f"| scrapelint, JSON Lines in, findings as JSON Lines, {cores} jobs | {tf:.2f} s | {mb(tf):.1f} | |")
print(f"| typos (dictionary lookup only) | {tt:.2f} s | {mb(tt):.1f} | scrapelint {cores} jobs takes {tn/tt:.2f}x typos' time |")
print(f"| rg -P -c with scrapelint's patterns | {tr:.2f} s | {mb(tr):.1f} | scrapelint takes {tn/tr:.2f}x rg's time |")
print(f"| proselint on a {sb/1e6:.1f} MB sample | {tp:.2f} s | {mb(tp, sb):.3f} | scrapelint (1 job) is {tp/tps:.0f}x faster on the sample |")
print(f"| start-up, one small file | {ts*1000:.1f} ms | | |")
print(f"| peak memory, JSON Lines corpus | {int(mem)/1024:.0f} MB | | |")
PY
# The rounds behind the medians: a row moves by a few per cent on a shared machine, and the
# typos ratio of each round (the two runs next to each other in time) shows how much.
python3 - "$WORK/rounds.json" <<'PY'
import json, sys
one, many, jsonl, typos, rg, findings = json.load(open(sys.argv[1]))
seconds = lambda series: " / ".join(f"{t:.2f}" for t in series)
print(f"\nrounds (s): 1 job {seconds(one)}; all cores {seconds(many)}; typos {seconds(typos)}")
print("scrapelint (all cores) against typos, round by round: " + " / ".join(f"{m / t:.2f}x" for m, t in zip(many, typos)))
PY
echo; echo "slowest rules (share of matching time, one job, on the sample):"; head -8 "$WORK/timings.txt"
