#!/usr/bin/env python3
"""Hand-judged precision of the quote findings on the BBC corpus (../shared/data/bbc), for
docs/findings-precision.md.

    python3 scripts/findings/precision.py sample RULE [--n N] [--show]
                                   # draw findings of RULE at its default severity
    python3 scripts/findings/precision.py table [--judged FILE]
                                   # the precision table from docs/findings-judgements.tsv
                                   # (or FILE: docs/findings-judgements-abfb49c.tsv is the
                                   # first judging, on main at abfb49c)

Runs the release build (`cargo build --release` first) with default settings (`--no-config`).
`sample` leaves out the articles of the hand-annotated gold set (scripts/gold/sample.py) and
draws with a fixed seed (N defaults to 100 for unattributed-quote, 50 for the others; all of
them when there are fewer). `--show` prints the paragraph before each finding and the finding's
own paragraph, for judging, on the terminal only: article text is never written into the
project. The claim rules are judged in docs/precision.md (scripts/claims/bbc.py), whose
corpus, analysis and gold-set functions this script reuses. Exits 0 with a message when the
corpus is not there.
"""
import argparse, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "claims"))
import bbc  # scripts/claims/bbc.py: articles(), analyse(), gold_ids()

ROOT = bbc.ROOT
JUDGED = os.path.join(ROOT, "docs", "findings-judgements.tsv")
SEED = 2026
# Rule -> (default severity, default sample size); the order is the table's.
RULES = {
    "unattributed-quote": ("error", 100),
    "scare-quote": ("warning", 50),
    "loaded-verb": ("warning", 50),
    "non-speech-verb": ("warning", 50),
    "late-attribution": ("warning", 50),
    "unbalanced-quotes": ("warning", 50),
    "anonymous-source": ("error", 50),
}


def paragraphs(text, start, end):
    """The paragraph before the finding's and the finding's own, the trigger marked with [[ ]]."""
    b = text.encode("utf-8")
    s = b.rfind(b"\n\n", 0, start)
    s = s + 2 if s >= 0 else 0
    e = b.find(b"\n\n", end)
    e = e if e >= 0 else len(b)
    ps = b.rfind(b"\n\n", 0, max(s - 2, 0))
    before = b[(ps + 2 if ps >= 0 else 0):max(s - 2, 0)] if s > 0 else b""
    own = b[s:start] + b"[[" + b[start:end] + b"]]" + b[end:e]
    return before.decode("utf-8", "replace"), own.decode("utf-8", "replace")


def sample(arts, found, rule, n, show):
    def context(text, s, e):
        before, own = paragraphs(text, s, e)
        return f"    before: {before}\n    here:   {own}"
    bbc.print_sample(arts, found, rule, RULES[rule][0], n, SEED, context if show else None)


def table(judged):
    if not os.path.exists(judged):
        sys.exit(f"precision.py: {judged} not found")
    rows = bbc.judged(judged, allowed=("correct", "wrong"))
    print("| rule | default severity | sample | judged correct | precision |")
    print("| --- | --- | ---: | ---: | ---: |")
    for rule, (severity, _) in RULES.items():
        if rule in rows:
            n, ok = rows[rule]
            print(f"| `{rule}` | {severity} | {n} | {ok} | {100.0 * ok / n:.0f}% |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["sample", "table"])
    ap.add_argument("rule", nargs="?")
    ap.add_argument("--n", type=int)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--judged", default=JUDGED)
    args = ap.parse_args()
    if args.command == "table":
        return table(args.judged)
    if args.rule not in RULES:
        sys.exit(f"precision.py sample: name one of {', '.join(RULES)}")
    arts = bbc.articles()
    found = bbc.analyse(arts)
    sample(arts, found, args.rule, args.n or RULES[args.rule][1], args.show)


if __name__ == "__main__":
    main()
