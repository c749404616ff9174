#!/usr/bin/env python3
"""Write the files a refactor's output comparison runs over, and a list of them.

    python3 scripts/snapshot-corpus.py DIR      # writes DIR/*.txt|md and DIR/list.txt

Then `cargo run --release --example snapshot -- DIR/list.txt > before.txt` on the old code and
`> after.txt` on the new; `cmp before.txt after.txt` must say nothing for a pure refactor.

The corpus: every PolNeAR and BBC text from ../shared/data (skipped, with a message, when absent),
CRLF and Markdown variants of some, wiki-weasel training sentences as articles (the held-out
fifth is left out, so that reading what a change adds never means reading held-out rows), the project's own samples,
fixtures and fuzz seeds, and generated texts that stress quotation marks and long lines.
"""
import csv, json, os, random, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = os.path.join(root, "..", "shared")
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/snapshot-corpus"
os.makedirs(out, exist_ok=True)
paths = []

def write(name, text):
    p = os.path.join(out, name)
    with open(p, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    paths.append(p)

def jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)

def held_out(text):
    """The claim model's held-out rows (src/analysis/claims/model.rs `held_out`): 64-bit FNV-1a of
    the trimmed text, modulo 5, is 0."""
    h = 0xcbf29ce484222325
    for b in text.strip().encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % 5 == 0

data = os.path.join(shared, "data")
if os.path.isdir(data):
    n = 0
    for split in ("dev", "train"):
        for i, a in enumerate(jsonl(os.path.join(data, "polnear", split + ".jsonl"))):
            write(f"polnear-{split}-{i:04}.txt", a["text"])
            if n % 25 == 0:
                write(f"polnear-{split}-{i:04}-crlf.txt", a["text"].replace("\n", "\r\n"))
                write(f"polnear-{split}-{i:04}.md", "---\ntitle: x\n---\n\n# Heading\n\n" + a["text"] + "\n\n```\n\"code\" said\n```\n")
            n += 1
    for a in jsonl(os.path.join(data, "bbc", "articles.jsonl")):
        write("bbc-" + a["id"].replace("/", "-") + ".txt", a["text"])
    with open(os.path.join(data, "wiki-weasel", "train.csv"), encoding="utf-8") as f:
        rows = [r["text"] for r in csv.DictReader(f) if not held_out(r["text"])]
    for i in range(0, len(rows), 400):
        write(f"wiki-{i // 400:02}.txt", "\n\n".join(rows[i:i + 400]))
    seed = os.path.join(shared, "seed")
    for name in sorted(os.listdir(seed)):
        with open(os.path.join(seed, name), encoding="utf-8") as f:
            write("seed-" + name, f.read())
else:
    print(f"snapshot-corpus: {data} not found; only the project's own files are used", file=sys.stderr)

for d in ("samples", "tests/fixtures", "tests/support/fixtures", "tests/e2e/fixtures", "fuzz/seeds/engine", "fuzz/regressions/engine"):
    for dirpath, _, files in os.walk(os.path.join(root, d)):
        for name in sorted(files):
            p = os.path.join(dirpath, name)
            try:
                with open(p, encoding="utf-8") as f:
                    text = f.read()
            except (UnicodeDecodeError, OSError):
                continue
            write(d.replace("/", "-") + "-" + name, text)

rng = random.Random(7)
marks = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "「", "」", "—", " said ", " told ", ", ", ". ", "\n\n", " Kane ", " she "]
for i in range(40):
    write(f"gen-marks-{i:02}.txt", "".join(rng.choice(marks) for _ in range(2000)))
write("gen-one-line.txt", "Critics say “the ministry said 40% of it " * 500)
write("gen-caps.txt", "Harbour Council Said Ruiz " * 2000)
write("gen-parens.txt", "((((((((((" * 300)

with open(os.path.join(out, "list.txt"), "w") as f:
    f.write("\n".join(paths) + "\n")
print(f"{len(paths)} files in {out}", file=sys.stderr)
