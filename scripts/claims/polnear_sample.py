#!/usr/bin/env python3
"""Draw claim findings at a severity from PolNeAR texts, for judging by hand.

    python3 scripts/claims/polnear_sample.py RULE [--split dev] [--n 50] [--seed 2031] [--severity information]

Runs the release build over every text of ../shared/data/polnear/SPLIT.jsonl (train by default;
dev is kept for measuring) with default settings, the same way as scripts/claims/bbc.py (its
`analyse`), keeps the findings of RULE at SEVERITY, shuffles them with a fixed seed and prints up
to N with their paragraph, on the terminal only. `train/NNN` is the line number in train.jsonl
(from 0); offsets are bytes into its text. Skips with a message when ../shared is not there.
"""
import argparse, json, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bbc  # scripts/claims/bbc.py: analyse, paragraph

DIR = os.path.join(bbc.ROOT, "..", "shared", "data", "polnear")


def articles(split):
    path = os.path.join(DIR, f"{split}.jsonl")
    if not os.path.exists(path):
        print(f"skipped: {path} is not there", file=sys.stderr)
        sys.exit(0)
    with open(path, encoding="utf-8") as f:
        return [{"id": "%s/%03d" % (split, i), "text": json.loads(line)["text"]} for i, line in enumerate(f) if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rule")
    ap.add_argument("--split", choices=["train", "dev"], default="train")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2031)
    ap.add_argument("--severity", default="information")
    a = ap.parse_args()
    arts = articles(a.split)
    text = {x["id"]: x["text"] for x in arts}
    found = bbc.analyse(arts)
    pool = [(aid, f["start"], f["end"]) for aid in sorted(found) for f in found[aid]
            if f["code"] == a.rule and f["severity"] == a.severity]
    print(f"# {a.rule}: {min(a.n, len(pool))} of {len(pool)} findings at {a.severity} on PolNeAR {a.split} ({len(arts)} texts), seed {a.seed}")
    random.Random(a.seed).shuffle(pool)
    for aid, s, e in pool[: a.n]:
        para, trig = bbc.paragraph(text[aid], s, e)
        print(f"{a.rule}\t{aid}\t{s}\t{e}\n    [{trig}]  {para}\n")


if __name__ == "__main__":
    main()
