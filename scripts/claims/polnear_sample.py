#!/usr/bin/env python3
"""Draw claim findings at their default severity from PolNeAR train texts, for judging by hand.

    python3 scripts/claims/polnear_sample.py RULE [--n 50] [--seed 2031] [--severity information]

Writes each text of ../shared/data/polnear/train.jsonl (field "text") to a temporary directory,
runs `./target/release/whosaid check --no-config --format json` over them, keeps the findings of
RULE at SEVERITY, shuffles them with a fixed seed and prints up to N with their paragraph
(byte offsets into the text; `train/NNN` is the line number in train.jsonl, from 0).
Skips with a message when ../shared is not there.
"""
import argparse, json, os, random, subprocess, sys, tempfile

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "polnear", "train.jsonl")
BIN = os.path.join(os.path.dirname(__file__), "..", "..", "target", "release", "whosaid")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rule")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2031)
    ap.add_argument("--severity", default="information")
    a = ap.parse_args()
    if not os.path.exists(DATA):
        print(f"skipped: {DATA} is not there", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, line in enumerate(open(DATA, encoding="utf-8")):
            p = os.path.join(d, "%03d.txt" % i)
            with open(p, "w", encoding="utf-8") as f:
                f.write(json.loads(line)["text"])
            paths.append(p)
        out = subprocess.run([BIN, "check", "--no-config", "--format", "json", *paths], capture_output=True, text=True).stdout
        found = []
        for line in out.splitlines():
            r = json.loads(line)
            b = open(r["path"], "rb").read()
            for f in r.get("findings", []):
                if f["code"] == a.rule and f["severity"] == a.severity:
                    found.append((os.path.basename(r["path"])[:3], f["start"], f["end"], b))
    print(f"# {a.rule}: {min(a.n, len(found))} of {len(found)} findings at {a.severity} on PolNeAR train, seed {a.seed}")
    random.Random(a.seed).shuffle(found)
    for doc, s, e, b in found[: a.n]:
        p0 = b.rfind(b"\n", 0, s) + 1
        p1 = b.find(b"\n", e)
        p1 = len(b) if p1 < 0 else p1
        print(f"{a.rule}\ttrain/{doc}\t{s}\t{e}\n    [{b[s:e].decode('utf-8', 'replace')}]  {b[p0:p1].decode('utf-8', 'replace')}\n")


if __name__ == "__main__":
    main()
