#!/usr/bin/env python3
"""Claim findings on the BBC corpus (../shared/data/bbc), for docs/precision.md.

    python3 scripts/claims/bbc.py rate                 # warning-level claim findings per 500 words, per category
    python3 scripts/claims/bbc.py sample RULE [--n 100] [--seed 2026] [--show]
                                                       # draw findings of RULE at its default severity
    python3 scripts/claims/bbc.py table [--file F]     # the precision table from docs/precision-judgements.tsv (or F)

Runs the release build (`cargo build --release` first) with default settings (`--no-config`).
`sample` leaves out the articles of the hand-annotated gold set (scripts/gold/sample.py) and
draws with a fixed seed; `--show` prints each finding's paragraph for judging, on the terminal
only: article text is never written into the project. Exits 0 with a message when the corpus is
not there.
"""
import argparse, collections, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "bbc", "articles.jsonl")
JUDGED = os.path.join(ROOT, "docs", "precision-judgements.tsv")
SEED = 2026
CLAIM_RULES = ["agentless-passive", "weasel-attribution", "anonymous-source", "doubt-word", "unsourced-statistic", "hedge"]
DEFAULT = {"agentless-passive": "information", "weasel-attribution": "warning", "anonymous-source": "error",
           "doubt-word": "information", "unsourced-statistic": "information", "hedge": "hint"}


def articles():
    if not os.path.exists(CORPUS):
        print(f"bbc.py: {CORPUS} not found; skipping")
        sys.exit(0)
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def analyse(arts):
    """Every article's findings, with default settings: id -> list of findings."""
    binary = os.path.join(ROOT, "target", "release", "whosaid")
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for a in arts:
            p = os.path.join(d, a["id"].replace("/", "-") + ".txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write(a["text"])
            paths[p] = a["id"]
        out = subprocess.run([binary, "check", "--format", "json", "--no-config"] + list(paths), capture_output=True, text=True)
        if out.returncode == 2:
            sys.exit(f"bbc.py: whosaid check failed: {out.stderr.strip()}")
        result = {}
        for line in out.stdout.splitlines():
            o = json.loads(line)
            result[paths[o["path"]]] = o["findings"]
    return result


def gold_ids():
    sys.path.insert(0, os.path.join(ROOT, "scripts", "gold"))
    import sample  # scripts/gold/sample.py
    return {i for ids in sample.gold_ids().values() for i in ids}


def rate(arts, found):
    words = collections.Counter()
    warn = collections.Counter()
    by_rule = collections.defaultdict(collections.Counter)
    for a in arts:
        cat = a["category"]
        words[cat] += len(a["text"].split())
        for f in found.get(a["id"], []):
            if f["code"] in CLAIM_RULES:
                by_rule[cat][(f["code"], f["severity"])] += 1
                warn[cat] += f["severity"] in ("warning", "error")
    print("| category | words | claim findings at warning or error | per 500 words |")
    print("| --- | ---: | ---: | ---: |")
    worst = 0.0
    for cat in sorted(words):
        r = 500.0 * warn[cat] / words[cat]
        worst = max(worst, r)
        print(f"| {cat} | {words[cat]} | {warn[cat]} | {r:.2f} |")
    print()
    for cat in sorted(by_rule):
        parts = ", ".join(f"{c} {s} {n}" for (c, s), n in sorted(by_rule[cat].items()))
        print(f"{cat}: {parts}")
    print(f"\nhighest: {worst:.2f} per 500 words (target: at most 1)")


def paragraph(text, start, end):
    b = text.encode("utf-8")
    s = b.rfind(b"\n\n", 0, start)
    e = b.find(b"\n\n", end)
    return b[(s + 2 if s >= 0 else 0):(e if e >= 0 else len(b))].decode("utf-8", "replace"), b[start:end].decode("utf-8", "replace")


def draw(found, rule, severity, n, seed):
    """n findings of `rule` at `severity` drawn at random with `seed`, gold-set articles left out:
    (the picked (id, start, end) in order, the size of the pool they came from)."""
    skip = gold_ids()
    pool = [(aid, f["start"], f["end"]) for aid in sorted(found) if aid not in skip
            for f in found[aid] if f["code"] == rule and f["severity"] == severity]
    return sorted(random.Random(seed).sample(pool, min(n, len(pool)))), len(pool)


def judged(path, allowed=None):
    """rule -> [judged, judged correct] from a judgements file (rule, id, start, end, verdict)."""
    rows = collections.defaultdict(lambda: [0, 0])
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rule, aid, s, e, verdict = line.rstrip("\n").split("\t")[:5]
            if allowed and verdict not in allowed:
                sys.exit(f"{path}: verdict {verdict!r} for {rule} {aid} {s}: use {' or '.join(allowed)}")
            rows[rule][0] += 1
            rows[rule][1] += verdict == "correct"
    return rows


def print_sample(arts, found, rule, severity, n, seed, context=None):
    """Draw and print a sample, one `rule id start end` row per finding; with `context(text,
    start, end)`, each row is followed by the lines it returns (terminal only, for judging)."""
    text = {a["id"]: a["text"] for a in arts}
    picked, pool = draw(found, rule, severity, n, seed)
    print(f"# {rule}: {len(picked)} of {pool} findings at {severity} (gold-set articles left out), seed {seed}")
    for aid, s, e in picked:
        print(f"{rule}\t{aid}\t{s}\t{e}")
        if context:
            print(context(text[aid], s, e) + "\n")


def sample(arts, found, rule, n, show, seed=SEED):
    def context(text, s, e):
        para, trig = paragraph(text, s, e)
        return f"    [{trig}]  {para}"
    print_sample(arts, found, rule, DEFAULT[rule], n, seed, context if show else None)


def table(path=JUDGED):
    rows = judged(path)
    print("| rule | sample | judged correct | precision |")
    print("| --- | ---: | ---: | ---: |")
    for rule in CLAIM_RULES:
        if rule in rows:
            n, ok = rows[rule]
            print(f"| `{rule}` | {n} | {ok} | {100.0 * ok / n:.0f}% |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["rate", "sample", "table"])
    ap.add_argument("rule", nargs="?")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--file", default=JUDGED)
    args = ap.parse_args()
    if args.command == "table":
        return table(args.file)
    arts = articles()
    found = analyse(arts)
    if args.command == "rate":
        rate(arts, found)
    else:
        if args.rule not in CLAIM_RULES:
            sys.exit(f"bbc.py sample: name one of {', '.join(CLAIM_RULES)}")
        sample(arts, found, args.rule, args.n, args.show, args.seed)


if __name__ == "__main__":
    main()
