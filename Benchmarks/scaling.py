#!/usr/bin/env python3
"""scrapelint scaling check: run by hand (`make scaling`), never in CI.

Lints one generated text of each shape that scraped text takes at its worst (thousands of short
lines, one long line, a dump of repeated paragraphs, unclosed quotes run together, a page of
suppression comments...) at a size n, then at 2n, and prints both times and their ratio. Time
that grows linearly doubles; a ratio over 3 means a cost growing faster than the text, which a
user meets as a run that never ends on one odd file (each shape below found one: a text of 200,000
one-word lines took 13 minutes before a912be8). Exits 1 when any shape is over 3.

usage: Benchmarks/scaling.py [BINARY] [SHAPE ...]
"""
import os, random, string, subprocess, sys, tempfile, time

BINARY = sys.argv[1] if len(sys.argv) > 1 else ".build/release/scrapelint"
ONLY = set(sys.argv[2:])
rng = random.Random(7)
WORDS = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9))) for _ in range(5000)]


def words(count):
    return " ".join(rng.choices(WORDS, k=count))


# Each shape makes a text of about n units; the sizes are found by doubling until a run takes half
# a second, so the check means the same on a fast machine and a slow one, and a cost that grows
# with the square has grown past the linear ones (at 0.15 s, three of the five it found read
# under 3).
SHAPES = {
    "short lines (a word list)": lambda n: "\n".join(rng.choices(WORDS, k=n)),
    "one long line": lambda n: " ".join(words(12).capitalize() + "." for _ in range(n // 12)),
    "repeated paragraphs": lambda n: "\n".join(
        "Share this article with your friends today. Follow us for more." if i % 2 else
        f"{words(6).capitalize()}. Number {i} stands here. The same sentence stands in many paragraphs." for i in range(n)),
    "lines sharing a key": lambda n: "\n".join(f"Item number {i} of the list stands here." for i in range(n)),
    "unclosed quotes and brackets": lambda n: " ".join("\u201cword (and [more" for _ in range(n)),
    "closers alone": lambda n: " ".join(") ] \u201d" for _ in range(n)),
    "suppression comments": lambda n: "\n".join(
        rng.choice(["<!-- scrapelint-disable-next-line spacing -->", "<!-- scrapelint-disable quotes -->",
                    "<!-- scrapelint-enable typos -->"]) + "text  here  " for _ in range(n)),
    "near spellings": lambda n: " ".join("A" + "".join(rng.choice(string.ascii_lowercase) for _ in range(7)) + "z" for _ in range(n)),
    "topic changes": lambda n: "\n".join(words(30) + "." for _ in range(n // 30)),
    "code lines": lambda n: "\n".join("".join(rng.choice(["a=b;", "(x)", "{", "}", "=>", " ", "// c", '"s"', ":"]) for _ in range(8))
                                      for _ in range(n)),
    "one long word": lambda n: "The X" + "a" * (n * 8) + " ends here.",
    "fixes on every line (--fix --dry-run)": lambda n: "\n".join(
        rng.choice(["Two  spaces here.", "A\u00a0nbsp line.", "trailing  ", "x ,y", "ok."]) for _ in range(n)),
    "findings on one line (--format sarif)": lambda n: " ".join("w\u00f6rd  text,x" for _ in range(n)),
    "findings on one line (--color always)": lambda n: " ".join("w\u00f6rd  text,x" for _ in range(n)),
}
# Shapes linted with more than the default arguments.
ARGUMENTS = {"fixes on every line (--fix --dry-run)": ["--fix", "--dry-run"], "findings on one line (--format sarif)": ["--format", "sarif"],
             "findings on one line (--color always)": ["--color", "always"]}


def lint_seconds(text, arguments=()):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as file:
        file.write(text)
    try:
        best = None
        for _ in range(2):  # the faster of two: a shared machine's busy second is not the code's
            started = time.perf_counter()
            subprocess.run([BINARY, "-q", "--jobs", "1", *arguments, file.name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=600)
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        return best
    finally:
        os.unlink(file.name)


if not os.access(BINARY, os.X_OK):
    sys.exit(f"no binary at {BINARY}: run `swift build -c release` first")
print(f"{'shape':38} {'n':>9} {'MB':>6} {'time n':>8} {'time 2n':>8} {'ratio':>6}")
worst = 0.0
for name, make in SHAPES.items():
    if ONLY and name not in ONLY:
        continue
    n = 10_000
    while True:
        text = make(n)
        seconds = lint_seconds(text, ARGUMENTS.get(name, ()))
        if seconds > 0.5 or n >= 4_000_000:
            break
        n *= 2
    doubled = lint_seconds(make(2 * n), ARGUMENTS.get(name, ()))
    ratio = doubled / seconds
    worst = max(worst, ratio)
    flag = "  <- grows faster than the text" if ratio > 3 else ""
    print(f"{name:38} {n:9d} {len(text.encode()) / 1e6:6.2f} {seconds:7.3f}s {doubled:7.3f}s {ratio:6.2f}{flag}", flush=True)
sys.exit(1 if worst > 3 else 0)
